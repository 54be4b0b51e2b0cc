"""English formats: 24-hour times, as the French pages and the CSI's documents write
them, so that a date never ends in "p.m." (and "p.m.." before a full stop)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"

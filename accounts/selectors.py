from django.contrib.auth.models import AnonymousUser

FACILITATORS_GROUP = "Facilitators"


def user_is_facilitator(*, user) -> bool:
    """CSI staff: members of the Facilitators group (or superusers). Cached on the user."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=FACILITATORS_GROUP).exists()
        user._is_facilitator = cached
    return cached

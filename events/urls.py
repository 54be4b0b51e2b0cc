from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("passes/", views.past, name="past"),
    path("mois/", views.month, name="month"),
    path("calendrier.ics", views.feed_ics, name="feed_ics"),
    path("flux.rss", feeds.UpcomingEventsFeed(), name="feed_rss"),
    path("flux.atom", feeds.UpcomingEventsAtomFeed(), name="feed_atom"),
    path("proposer/", views.propose, name="propose"),
    path("mon-calendrier/<str:token>.ics", views.private_feed, name="private_feed"),
    path("mon-calendrier/regenerer/", views.feed_regenerate, name="feed_regenerate"),
    path("mon-calendrier/supprimer/", views.feed_revoke, name="feed_revoke"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/calendrier.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/inscription/", views.register, name="register"),
    path("<slug:slug>/desinscription/", views.leave, name="leave"),
    path("<slug:slug>/participants/", views.attendees, name="attendees"),
    path("<slug:slug>/participants.csv", views.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/modifier/", views.edit, name="edit"),
    path("<slug:slug>/annuler/", views.cancel, name="cancel"),
]

from django.urls import path

from mediatheque import feeds, views

app_name = "mediatheque"

urlpatterns = [
    path("", views.resource_list, name="list"),
    path("flux.rss", feeds.ResourceFeed(), name="feed"),
    path("flux.atom", feeds.ResourceAtomFeed(), name="feed_atom"),
    path("nouvelle-ressource/", views.resource_create, name="create"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
    path("<slug:slug>/telecharger/", views.resource_download, name="download"),
    path("<slug:slug>/apercu.png", views.resource_preview, name="preview"),
    path("<slug:slug>/video/", views.resource_video, name="video"),
    path("<slug:slug>/modifier/", views.resource_edit, name="edit"),
    path("<slug:slug>/soumettre/", views.resource_submit, name="submit"),
]

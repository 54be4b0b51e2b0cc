from django.urls import path

from projects import feeds, views, views_introductions

app_name = "projects"

urlpatterns = [
    path("", views.board, name="board"),
    path("flux.rss", feeds.SeekingPartnersFeed(), name="feed"),
    path("nouveau/<slug:slug>/", views.create, name="create"),
    path("mise-en-relation/proposer/", views_introductions.broker, name="broker"),
    path("mise-en-relation/<int:pk>/", views_introductions.introduction, name="introduction"),
    path("mise-en-relation/<int:pk>/accepter/", views_introductions.accept, name="accept"),
    path("mise-en-relation/<int:pk>/decliner/", views_introductions.decline, name="decline"),
    path(
        "demander/<slug:slug>/",
        views_introductions.request_introduction,
        name="request_introduction",
    ),
    path("organisation/<slug:slug>/", views_introductions.dashboard, name="dashboard"),
    path(
        "organisation/<slug:slug>/contact/",
        views_introductions.contact_consent,
        name="contact_consent",
    ),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/modifier/", views.edit, name="edit"),
    path("<slug:slug>/publier/", views.publish, name="publish"),
    path("<slug:slug>/besoins/", views.needs, name="needs"),
    path("<slug:slug>/besoins/<int:pk>/", views.need_edit, name="need_edit"),
    path("<slug:slug>/besoins/<int:pk>/<slug:action>/", views.need_action, name="need_action"),
]

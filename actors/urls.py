from django.urls import path

from actors import views

app_name = "actors"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("nouvelle-organisation/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/modifier/", views.edit, name="edit"),
    path("<slug:slug>/soumettre/", views.submit, name="submit"),
    path("<slug:slug>/rejoindre/", views.join, name="join"),
    path("<slug:slug>/quitter/", views.leave, name="leave"),
    path("<slug:slug>/membres/", views.members, name="members"),
    path(
        "<slug:slug>/membres/<int:pk>/<slug:action>/",
        views.membership_action,
        name="membership_action",
    ),
]

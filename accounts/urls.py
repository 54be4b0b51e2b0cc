from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("mes-donnees/", views.data_export, name="data_export"),
    path("supprimer/", views.delete, name="delete"),
]

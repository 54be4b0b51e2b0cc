from django.urls import path

from matching import views

app_name = "matching"

# Under an organisation of the directory (included under "annuaire/").
urlpatterns = [
    path("<slug:slug>/partenaires-suggeres/", views.dashboard, name="dashboard"),
    path(
        "<slug:slug>/partenaires-suggeres/<int:pk>/<slug:action>/",
        views.suggestion_action,
        name="suggestion_action",
    ),
]

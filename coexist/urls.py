from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from accounts import views as account_views
from actors.sitemaps import OrganisationSitemap
from coexist import views
from projects.sitemaps import ProjectSitemap

SITEMAPS = {"organisations": OrganisationSitemap, "projects": ProjectSitemap}

# The admin login goes through allauth: one login page, rate-limited, email-verified.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "CoExist — CSI"
admin.site.site_title = "CoExist"
# The navigation sidebar takes a quarter of a 1280 px screen from the review list; the
# breadcrumbs and the home page lead everywhere it does.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("mentions-legales/", views.legal_notice, name="legal_notice"),
    path("contact/", views.contact, name="contact"),
    path("confidentialite/", views.privacy, name="privacy"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("annuaire/", include("matching.urls")),
    path("annuaire/", include("actors.urls")),
    path("projets/", include("projects.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("evenements/", include("events.urls")),
    path("mediatheque/", include("mediatheque.urls")),
    path("compte/", include("accounts.urls")),
    # allauth's sign-up, its answers padded to the same duration (accounts.views.signup).
    path("accounts/signup/", account_views.signup, name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("langue/", views.switch_language, name="switch_language"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

"""The site's URLs plus one bare Django view, so the benchmark compares like with like."""

from django.http import HttpResponse
from django.urls import path

from coexist.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]

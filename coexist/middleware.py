"""Site-wide response headers that Django does not set itself."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: CoExist uses no camera, microphone, location, payment…
    so no page (nor anything it could embed) may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response

"""The médiathèque's pages: the list, a resource, its file, its preview, its video, feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import user_is_facilitator
from actors.models import Organisation
from coexist.cache import Scope, page_cache
from coexist.forms import posted
from mediatheque import access, selectors, services
from mediatheque.access import Need
from mediatheque.filters import ResourceFilter
from mediatheque.forms import ResourceForm
from mediatheque.models import Resource
from mediatheque.storage import private_storage
from mediatheque.uploads import SizeLimitUploadHandler
from mediatheque.video import embed_for

SORTS = {"newest", "title", "relevance"}
LIST_PARAMS = frozenset({*ResourceFilter.base_filters, "sort", "page"})
SCOPES = (Scope.MEDIATHEQUE, Scope.DIRECTORY)


def _filterset(request: HttpRequest) -> ResourceFilter:
    return ResourceFilter(
        request.GET or None,
        queryset=Resource.objects.published(),
        with_private_text=access.signed_in(request.user),
    )


@page_cache(params=LIST_PARAMS, scopes=SCOPES)
@require_GET
def resource_list(request: HttpRequest) -> HttpResponse:
    """Search, filters, sort and pagination, all in the query string."""
    from actors.selectors import page_number, query_without_page

    filterset = _filterset(request)
    sort = request.GET.get("sort", "")
    if sort not in SORTS:
        sort = "relevance" if request.GET.get("q") else "newest"
    page = selectors.resource_page(
        filterset=filterset, sort=sort, page=page_number(request.GET.get("page"))
    )
    feed_query = query_without_page(request.GET, params=LIST_PARAMS - {"sort"})
    return render(
        request,
        "mediatheque/list.html",
        {
            "filter": filterset,
            "sort": sort,
            "page": page,
            "query": query_without_page(request.GET, params=LIST_PARAMS),
            "feed_query": feed_query,
            "searching": bool(request.GET.get("q")),
            "can_add": access.signed_in(request.user)
            and (
                user_is_facilitator(user=request.user)
                or access.administered_organisation_ids(user=request.user)
            ),
        },
    )


@page_cache(scopes=SCOPES, per_user=True)
@require_GET
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = access.resource_for(user=request.user, slug=slug)
    full = selectors.resource_detail(pk=resource.pk)
    may_download = access.can(user=request.user, resource=full, need=Need.DOWNLOAD)
    return render(
        request,
        "mediatheque/detail.html",
        {
            "resource": full,
            "may_download": may_download,
            "can_edit": access.can(user=request.user, resource=full, need=Need.EDIT),
            "is_facilitator": user_is_facilitator(user=request.user),
            "embed": embed_for(full.external_url) if full.external_url else None,
        },
    )


def _file_response(*, name: str, content_type: str, filename: str, inline: bool):
    """The file, authorised already: by the proxy (X-Accel-Redirect) or streamed."""
    from django.conf import settings

    prefix = settings.MEDIATHEQUE_ACCEL_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{name}"
    else:
        try:
            handle = private_storage().open(name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=not inline, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Whatever the file holds, a browser that renders it runs nothing and reaches nothing.
    # (An image shown inline needs img-src: the browser draws it in a document of its own.)
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src 'self'" if inline else "sandbox; default-src 'none'"
    )
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_GET
def resource_download(request: HttpRequest, slug: str) -> HttpResponse:
    """The file (or the link) of a resource; a visitor is asked to sign in for a
    members-only one. Counted, except the uploader's own downloads."""
    resource = access.resource_for(user=request.user, slug=slug)
    if not access.can(user=request.user, resource=resource, need=Need.DOWNLOAD):
        return redirect_to_login(request.get_full_path())
    if resource.external_url:
        services.resource_download(resource=resource, by=request.user)
        return redirect(resource.external_url)
    if not resource.downloadable:
        raise Http404
    services.resource_download(resource=resource, by=request.user)
    response = _file_response(
        name=resource.file.name,
        content_type=resource.content_type or "application/octet-stream",
        filename=resource.original_filename or f"{resource.slug}",
        inline=resource.is_image,
    )
    if resource.members_only or not resource.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def resource_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The first page of a PDF, as an image: as private as the file itself."""
    resource = access.resource_for(user=request.user, slug=slug)
    if not access.can(user=request.user, resource=resource, need=Need.DOWNLOAD):
        raise Http404
    if not resource.preview:
        raise Http404
    response = _file_response(
        name=resource.preview.name,
        content_type="image/png",
        filename=f"{resource.slug}.png",
        inline=True,
    )
    patch_cache_control(response, private=True, max_age=3600)
    return response


@require_GET
def resource_video(request: HttpRequest, slug: str) -> HttpResponse:
    """The page with the video player, opened by a click: only this page lets the
    browser contact the video host (its Content-Security-Policy allows that one origin)."""
    resource = access.resource_for(user=request.user, slug=slug)
    embed = embed_for(resource.external_url) if resource.external_url else None
    if embed is None:
        raise Http404
    response = render(request, "mediatheque/video.html", {"resource": resource, "embed": embed})
    response._csp_update = {"frame-src": [embed.origin]}
    return response


def _publisher_choices(user):
    if user_is_facilitator(user=user):
        return Organisation.objects.order_by("sort_name")
    return Organisation.objects.filter(
        pk__in=access.administered_organisation_ids(user=user)
    ).order_by("sort_name")


def _form_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        form.add_error("upload", error)


def _with_size_limit(view):
    """Refuse a file larger than the limit while it arrives (before it is stored), then
    check CSRF as usual: the upload handler must be set before the body is read."""
    protected = csrf_protect(view)

    def wrapper(request, *args, **kwargs):
        request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
        return protected(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return csrf_exempt(wrapper)


def _save(request, *, form, resource=None):
    data, m2m, upload = form.split()
    if request.upload_refused:
        upload = None
    try:
        if resource is None:
            return services.resource_create(
                by=request.user, data=data, m2m=m2m, upload=upload, submit=True
            )
        return services.resource_update(
            resource=resource, by=request.user, data=data, m2m=m2m, upload=upload
        )
    except ValidationError as error:
        _form_error(form, error)
        return None


def _refused_size(request, form) -> bool:
    if getattr(request, "upload_refused", False):
        from django.conf import settings
        from django.template.defaultfilters import filesizeformat

        form.add_error(
            "upload",
            _("The file is too large: at most %(limit)s.")
            % {"limit": filesizeformat(settings.MEDIATHEQUE_MAX_UPLOAD_BYTES)},
        )
        return True
    return False


@_with_size_limit
@login_required
@require_http_methods(["GET", "POST"])
def resource_create(request: HttpRequest) -> HttpResponse:
    publishers = _publisher_choices(request.user)
    if not user_is_facilitator(user=request.user) and not publishers.exists():
        raise Http404
    form = ResourceForm(*posted(request), publishers=publishers)
    if request.method == "POST" and not _refused_size(request, form) and form.is_valid():
        resource = _save(request, form=form)
        if resource is not None:
            if resource.is_published:
                messages.success(request, _("The resource is published."))
            else:
                messages.success(
                    request, _("Thank you! The resource is waiting for review by the CSI team.")
                )
            return redirect(resource)
    return render(request, "mediatheque/form.html", {"form": form, "creating": True})


@_with_size_limit
@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: HttpRequest, slug: str) -> HttpResponse:
    resource = access.resource_for(user=request.user, slug=slug, need=Need.EDIT)
    form = ResourceForm(
        *posted(request), instance=Resource.objects.get(pk=resource.pk),
        publishers=_publisher_choices(request.user),
    )  # fmt: skip
    if (
        request.method == "POST"
        and not _refused_size(request, form)
        and form.is_valid()
        and _save(request, form=form, resource=resource) is not None
    ):
        messages.success(request, _("The resource was saved."))
        return redirect(resource)
    return render(
        request, "mediatheque/form.html", {"form": form, "resource": resource, "creating": False}
    )


@login_required
@require_POST
def resource_submit(request: HttpRequest, slug: str) -> HttpResponse:
    resource = access.resource_for(user=request.user, slug=slug, need=Need.EDIT)
    services.resource_submit(resource=resource, by=request.user)
    messages.success(request, _("The resource was sent for review."))
    return redirect(resource)

from django.http import HttpRequest


def posted(request: HttpRequest, *, files: bool = True) -> tuple:
    """Form arguments: the submitted data on POST (even when empty), nothing on GET.

    ``request.POST or None`` would treat an empty POST as a GET and show a blank
    form instead of the errors.
    """
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)

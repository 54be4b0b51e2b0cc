FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# libmagic1: the médiathèque judges uploads by their content (python-magic).
RUN apt-get update && apt-get install -y --no-install-recommends libmagic1 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 coexist
WORKDIR /app

COPY pyproject.toml ./
COPY . .
RUN pip install . \
    && DEBUG=1 python manage.py compile_translations \
    && DEBUG=1 STATIC_ROOT=/app/staticfiles python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/private/mediatheque && chown -R coexist /app/var

ENV STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/app/var/media
USER coexist
EXPOSE 8000
CMD ["gunicorn", "coexist.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]

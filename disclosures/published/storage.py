"""The default ``published`` storage: files under ``MEDIA_ROOT/published``.

A ``FileSystemStorage`` whose location follows ``MEDIA_ROOT`` (also when a test or a
deployment changes it after start-up). Production with several machines points
``STORAGES["published"]`` at a shared volume or an S3-compatible bucket (README).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PublishedStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return self._value_or_setting(
            self._location, os.path.join(settings.MEDIA_ROOT, "published")
        )

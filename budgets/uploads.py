"""The upload size limit, enforced while the request body is read and again before parsing.

``SizeLimitUploadHandler`` (first in ``FILE_UPLOAD_HANDLERS``) drops a file as soon as it
grows past ``WORKBOOK_UPLOAD_MAX_BYTES``: the rest is not stored, neither in memory nor on
disk, and the request remembers the field so the view can say why the file is missing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

MB = 1024**2


def size_text(size: int) -> str:
    """``10 MB``, ``1.5 MB``, ``300 KB``."""
    if size >= MB:
        return f"{size / MB:.1f}".removesuffix(".0") + " MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def too_large_message(size: int | None = None) -> str:
    limit = size_text(settings.WORKBOOK_UPLOAD_MAX_BYTES)
    actual = f"（{size_text(size)}）" if size else ""
    return f"文件过大{actual}，超过 {limit} 的上限，未读取；请精简或拆分后重新上传"


class SizeLimitUploadHandler(FileUploadHandler):
    """Skip any uploaded file larger than the limit, noting its field on the request."""

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.WORKBOOK_UPLOAD_MAX_BYTES:
            if self.request is not None:
                oversized = getattr(self.request, "oversized_uploads", {})
                oversized[self.field_name] = self.received
                self.request.oversized_uploads = oversized
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


def upload_problem(request, field_name: str) -> str | None:
    """Why the uploaded file of ``field_name`` is refused before reading it, or None."""
    if field_name in getattr(request, "oversized_uploads", {}):
        return too_large_message()
    upload = request.FILES.get(field_name)
    if upload is not None and upload.size > settings.WORKBOOK_UPLOAD_MAX_BYTES:
        return too_large_message(upload.size)
    return None


class GuardedImportFormMixin:
    """For django-import-export's import form: the size limit and the archive checks.

    ``request`` is set by the admin (``GuardedImportAdminMixin``) so that a file the upload
    handler dropped is reported as too large rather than as missing.
    """

    request = None

    def clean_import_file(self):
        from budgets.workbook.archive import archive_problem

        if self.request is not None and (problem := upload_problem(self.request, "import_file")):
            raise ValidationError(problem)
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.WORKBOOK_UPLOAD_MAX_BYTES:
            raise ValidationError(too_large_message(upload.size))
        data = upload.read()
        upload.seek(0)
        if problem := archive_problem(data):
            raise ValidationError(problem)
        return upload

    def full_clean(self):
        # A dropped file leaves the field empty: say why instead of "this field is required".
        super().full_clean()
        if self.request is not None and (problem := upload_problem(self.request, "import_file")):
            self._errors["import_file"] = self.error_class([problem])
            getattr(self, "cleaned_data", {}).pop("import_file", None)


class GuardedImportAdminMixin:
    """For an import-export admin: its import form knows the request (see above)."""

    def create_import_form(self, request):
        form = super().create_import_form(request)
        form.request = request
        return form

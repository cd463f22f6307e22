"""Optimistic locking: two people saving the same record at once — the second is refused.

Every edited model carries ``lock_version``; each save bumps it with a conditional UPDATE
(``… WHERE lock_version = <the version the editor started from>``). The admin forms carry
the version in a hidden field (``budgets/admin/locking.py``) so the refusal is a form error.
"""

from django.core.exceptions import ValidationError
from django.db import models

CONFLICT_MESSAGE = (
    "保存失败：在您编辑期间，{name}已被其他人修改并保存。"
    "为避免覆盖他人的修改，请刷新页面查看最新内容后重新填写。"
)


class ConcurrentEditError(ValidationError):
    pass


def conflict_message(obj) -> str:
    return CONFLICT_MESSAGE.format(name=f"“{obj}”")


class LockedModel(models.Model):
    lock_version = models.PositiveIntegerField("修改版本号", default=0, editable=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            updated = (
                type(self)
                ._base_manager.filter(pk=self.pk, lock_version=self.lock_version)
                .update(lock_version=models.F("lock_version") + 1)
            )
            if not updated:
                raise ConcurrentEditError(conflict_message(self))
            self.lock_version += 1
        super().save(*args, **kwargs)

"""Every installation starts with the common status and delivery-confidence scales."""

from django.db import migrations

from stocktake.register.scales import DEFAULT_SCALES


def add_default_scales(apps, schema_editor):
    Scale = apps.get_model("register", "Scale")
    ScaleLevel = apps.get_model("register", "ScaleLevel")
    for spec in DEFAULT_SCALES:
        scale, _ = Scale.objects.get_or_create(
            code=spec.code,
            defaults={"name": spec.name, "kind": spec.kind, "description": spec.description},
        )
        for level in spec.levels:
            ScaleLevel.objects.get_or_create(
                scale=scale,
                code=level.code,
                defaults={
                    "label": level.label,
                    "rank": level.rank,
                    "colour": level.colour,
                    "description": level.description,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]

    operations = [migrations.RunPython(add_default_scales, migrations.RunPython.noop)]

"""Pages, split by resource. Each view makes one domain call and renders; the domain logic
lives in selectors. Import views from here (``from stocktake.web import views``)."""

from stocktake.web.views.actions import (
    action_detail,
    action_edit,
    action_list,
    commitment_action_raise,
)
from stocktake.web.views.browse import browse
from stocktake.web.views.commitments import (
    commitment_detail,
    commitment_list,
    commitment_list_download,
)
from stocktake.web.views.files import import_file, programme_download, refused_response
from stocktake.web.views.milestones import milestone_edit
from stocktake.web.views.notes import commitment_note_add
from stocktake.web.views.owners import (
    area_detail,
    area_list,
    organisation_detail,
    organisation_list,
    person_detail,
    person_list,
    programme_detail,
    programme_list,
    taskforce_detail,
    taskforce_list,
)
from stocktake.web.views.portfolio import dashboard
from stocktake.web.views.updates import (
    judgement_add,
    period_review_page,
    update_ask,
    update_check,
    update_done,
    update_start,
    update_submissions,
    updates_due_list,
)

__all__ = [
    "action_detail",
    "action_edit",
    "action_list",
    "area_detail",
    "area_list",
    "browse",
    "commitment_action_raise",
    "commitment_detail",
    "commitment_list",
    "commitment_list_download",
    "commitment_note_add",
    "dashboard",
    "import_file",
    "judgement_add",
    "milestone_edit",
    "organisation_detail",
    "organisation_list",
    "period_review_page",
    "person_detail",
    "person_list",
    "programme_detail",
    "programme_download",
    "programme_list",
    "refused_response",
    "taskforce_detail",
    "taskforce_list",
    "update_ask",
    "update_check",
    "update_done",
    "update_start",
    "update_submissions",
    "updates_due_list",
]

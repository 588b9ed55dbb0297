"""Hand-written content of the Stocktake demo, as plain data.

Two programmes a delivery-unit analyst will recognise: the 2015 government's manifesto
commitments as tracked by the Cabinet Office Implementation Unit (a selection of about forty
of the 517, with their single-departmental-plan milestones), and Haringey Council's Corporate
Plan 2015-18 as tracked by its Corporate Delivery Unit.

What is real and what is not:

* Organisations, ministerial role titles, areas and their GSS codes are real.
* Every person is FICTIONAL: names and e-mail addresses are invented, and addresses use the
  ``example.gov.uk`` / ``example.haringey.gov.uk`` style so nothing real is ever mailed.
* Commitment wording follows the public manifesto and plans closely but is paraphrased;
  milestones are plausible, not a record of what happened.
* Measure data is ILLUSTRATIVE: the loader generates observations from the hints given here,
  and every generated series must say so on screen.

The demo is set at ``DEMO_AS_OF``: milestones marked completed fall due on or before it, and
the loader generates the twelve months of updates and confidence judgements up to it.

The module imports nothing from Django; a loader turns it into rows.
"""

from dataclasses import dataclass
from datetime import date
from typing import Literal

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

OrganisationKind = Literal[
    "central_unit",
    "department",
    "agency",
    "local_authority",
    "nhs_body",
    "police_force",
    "partnership",
    "service",
]
PersonKind = Literal["minister", "sro", "official", "chair", "cabinet_member", "leader"]
ProgrammeKind = Literal["manifesto", "corporate_plan"]
AreaLevel = Literal["nation", "region", "local_authority", "ward"]
Unit = Literal["count", "percent", "rate per 1,000", "days"]
Direction = Literal["higher", "lower"]
Frequency = Literal["monthly", "quarterly"]
TrajectoryKind = Literal["linear", "s_curve", "stepped", "seasonal"]
Aggregation = Literal["sum", "mean"]
PriorityTier = Literal[1, 2, 3]

# How a commitment's year of monthly statuses and confidence should move (loader hint):
#   on_track    steady at Green or Amber/Green
#   improving   starts Amber/Red or Amber, climbs to Amber/Green
#   slipping    starts Green or Amber/Green, drifts down to Amber/Red
#   recovering  dips to Amber/Red or Red mid-year, climbs back to Amber or better
#   at_risk     hovers between Amber/Red and Red
#   delivered   Green, then reported as delivered before DEMO_AS_OF
#   stalled     flat at Amber/Red or Red, little new to report month to month
Path = Literal["on_track", "improving", "slipping", "recovering", "at_risk", "delivered", "stalled"]

THEMES: tuple[str, ...] = (
    "Economy and jobs",
    "Education and skills",
    "Health and care",
    "Housing",
    "Crime and justice",
    "Infrastructure",
    "Welfare",
    "Devolution",
    "Environment",
)

DEMO_AS_OF: date = date(2016, 11, 30)
"""The demo's "today": late 2016, a year and a half into both programmes."""


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    code: str
    name: str
    kind: OrganisationKind
    parent: str | None  # Organisation.code


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    key: str  # short slug other records refer to
    name: str  # fictional
    role: str  # real title of the time
    kind: PersonKind
    organisation: str  # Organisation.code
    email: str  # fictional, example-style domain


@dataclass(frozen=True, slots=True, kw_only=True)
class Programme:
    code: str
    title: str
    kind: ProgrammeKind
    owner: str  # Organisation.code of the unit that tracks it
    source_document: str
    start_date: date
    end_date: date
    area: str | None  # Area.code the programme covers
    description: str


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated step. Current due date = baseline_due + slip_months; completed on that date."""

    code: str  # "MS1", unique within its commitment
    title: str
    baseline_due: str  # ISO date, e.g. "2016-03-31"
    slip_months: int  # 0 = on time
    completed: bool  # as at DEMO_AS_OF

    @property
    def baseline_due_date(self) -> date:
        return date.fromisoformat(self.baseline_due)


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment:
    """One promise. Codes are unique across both programmes, so references need no prefix.

    Objectives (the council plan's five priorities) carry no milestones and no path: their
    status rolls up from the commitments beneath them.
    """

    code: str
    title: str
    text: str
    theme: str  # one of THEMES
    lead_organisations: tuple[str, ...]  # more than one = joint: they account jointly
    supporting_organisations: tuple[str, ...]
    lead_people: tuple[str, ...]  # Person.key: accountable minister or member, and the SRO
    supporting_people: tuple[str, ...]
    deadline: str  # verbatim phrase, to be parsed by the register
    priority_tier: PriorityTier  # 1 = top
    published: bool
    parent: str | None  # Commitment.code in the same programme
    milestones: tuple[Milestone, ...]
    path: Path | None
    measure: str | None  # Measure.code of the headline measure


@dataclass(frozen=True, slots=True, kw_only=True)
class Taskforce:
    code: str
    name: str
    remit: str
    chair: str  # Person.key
    member_organisations: tuple[str, ...]
    member_people: tuple[str, ...]  # the chair is not repeated here
    commitments: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    code: str  # GSS code
    name: str  # ONS name
    level: AreaLevel
    parent: str | None  # Area.code


@dataclass(frozen=True, slots=True)
class Fabric:
    """The FABRIC test of a performance measure, with the analyst's note on it."""

    focused: bool
    appropriate: bool
    balanced: bool
    robust: bool
    integrated: bool
    cost_effective: bool
    note: str


@dataclass(frozen=True, slots=True)
class Evidence:
    commitment: str  # Commitment.code
    weight: float  # 0 to 1: how much this measure speaks to the commitment


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    """An indicator plus the hints the loader needs to generate illustrative observations.

    ``baseline_value`` and ``target_value`` are for ONE area at the finest level in
    ``area_levels`` (usually a local authority). Coarser levels are built by ``aggregation``.
    ``areas`` limits the measure to those areas; empty means every area in LOCAL_AUTHORITIES.
    The trajectory runs from (baseline_date, baseline_value) to (target_date, target_value);
    observations scatter around it with relative sd ``noise`` and drift off it as the path of
    the most heavily weighted commitment suggests.
    """

    code: str
    name: str
    definition: str
    unit: Unit
    direction: Direction  # which way is better
    frequency: Frequency
    source: str
    area_levels: tuple[AreaLevel, ...]
    areas: tuple[str, ...]
    aggregation: Aggregation
    tolerance_pct: float  # on-track band, percent of the trajectory value
    baseline_value: float
    target_value: float
    baseline_date: date
    target_date: date
    trajectory: TrajectoryKind
    noise: float
    evidences: tuple[Evidence, ...]
    fabric: Fabric
    # A reward grant (GBP) payable when the target is met, as in a local public service agreement.
    reward: int | None = None


@dataclass(frozen=True, slots=True)
class FundingLine:
    commitment: str  # Commitment.code
    allocated: int  # GBP


@dataclass(frozen=True, slots=True, kw_only=True)
class Fund:
    code: str
    name: str
    total: int  # GBP
    start_date: date
    end_date: date
    contributors: tuple[str, ...]  # Organisation.code
    lines: tuple[FundingLine, ...]
    note: str


# ---------------------------------------------------------------------------------------------
# 1. Organisations
# ---------------------------------------------------------------------------------------------

ORGANISATIONS: tuple[Organisation, ...] = (
    # The centre. It sat in the Cabinet Office; kept at the root of the tree for the demo.
    Organisation(code="IU", name="Implementation Unit", kind="central_unit", parent=None),
    # Departments of the 2015 government
    Organisation(code="CO", name="Cabinet Office", kind="department", parent=None),
    Organisation(code="HMT", name="HM Treasury", kind="department", parent=None),
    Organisation(code="DH", name="Department of Health", kind="department", parent=None),
    Organisation(code="DfE", name="Department for Education", kind="department", parent=None),
    Organisation(
        code="BIS",
        name="Department for Business, Innovation and Skills",
        kind="department",
        parent=None,
    ),
    Organisation(
        code="DCLG",
        name="Department for Communities and Local Government",
        kind="department",
        parent=None,
    ),
    Organisation(
        code="DWP", name="Department for Work and Pensions", kind="department", parent=None
    ),
    Organisation(code="HO", name="Home Office", kind="department", parent=None),
    Organisation(code="MoJ", name="Ministry of Justice", kind="department", parent=None),
    Organisation(code="DfT", name="Department for Transport", kind="department", parent=None),
    Organisation(
        code="DECC",
        name="Department of Energy and Climate Change",
        kind="department",
        parent=None,
    ),
    Organisation(
        code="DEFRA",
        name="Department for Environment, Food and Rural Affairs",
        kind="department",
        parent=None,
    ),
    Organisation(
        code="DCMS",
        name="Department for Culture, Media and Sport",
        kind="department",
        parent=None,
    ),
    # Agencies and arm's-length bodies
    Organisation(code="NHSE", name="NHS England", kind="nhs_body", parent="DH"),
    Organisation(code="NHSI", name="NHS Improvement", kind="nhs_body", parent="DH"),
    Organisation(code="PHE", name="Public Health England", kind="agency", parent="DH"),
    Organisation(code="SFA", name="Skills Funding Agency", kind="agency", parent="BIS"),
    Organisation(code="EFA", name="Education Funding Agency", kind="agency", parent="DfE"),
    Organisation(code="HCA", name="Homes and Communities Agency", kind="agency", parent="DCLG"),
    Organisation(code="JCP", name="Jobcentre Plus", kind="agency", parent="DWP"),
    Organisation(
        code="NOMS", name="National Offender Management Service", kind="agency", parent="MoJ"
    ),
    Organisation(code="HS2L", name="HS2 Ltd", kind="agency", parent="DfT"),
    Organisation(code="BDUK", name="Broadband Delivery UK", kind="agency", parent="DCMS"),
    Organisation(code="HMRC", name="HM Revenue and Customs", kind="agency", parent="HMT"),
    Organisation(code="EA", name="Environment Agency", kind="agency", parent="DEFRA"),
    Organisation(code="MPS", name="Metropolitan Police Service", kind="police_force", parent=None),
    # The council
    Organisation(code="HGY", name="Haringey Council", kind="local_authority", parent=None),
    Organisation(code="HGY-CDU", name="Corporate Delivery Unit", kind="central_unit", parent="HGY"),
    Organisation(code="HGY-HSG", name="Housing", kind="service", parent="HGY"),
    Organisation(
        code="HGY-ENV", name="Environment and Neighbourhoods", kind="service", parent="HGY"
    ),
    Organisation(code="HGY-CYP", name="Children's Services", kind="service", parent="HGY"),
    Organisation(code="HGY-ASC", name="Adult Social Care", kind="service", parent="HGY"),
    Organisation(
        code="HGY-REG",
        name="Regeneration, Planning and Development",
        kind="service",
        parent="HGY",
    ),
    Organisation(code="HGY-PH", name="Public Health", kind="service", parent="HGY"),
    Organisation(code="HFH", name="Homes for Haringey", kind="agency", parent="HGY"),
    Organisation(
        code="HGY-CSP",
        name="Haringey Community Safety Partnership",
        kind="partnership",
        parent="HGY",
    ),
)


# ---------------------------------------------------------------------------------------------
# 2. People (all fictional)
# ---------------------------------------------------------------------------------------------

_GOV = "example.gov.uk"
_HGY = "example.haringey.gov.uk"

PEOPLE: tuple[Person, ...] = (
    # Centre
    Person(
        key="pm",
        name="Edward Marchbank",
        role="Prime Minister",
        kind="leader",
        organisation="CO",
        email=f"edward.marchbank@{_GOV}",
    ),
    Person(
        key="co_cdl",
        name="Jonathan Ferrier",
        role="Chancellor of the Duchy of Lancaster",
        kind="minister",
        organisation="CO",
        email=f"jonathan.ferrier@{_GOV}",
    ),
    Person(
        key="co_min",
        name="Rebecca Tolland",
        role="Minister for the Cabinet Office and Paymaster General",
        kind="minister",
        organisation="CO",
        email=f"rebecca.tolland@{_GOV}",
    ),
    Person(
        key="co_ceo_cs",
        name="Martin Oakridge",
        role="Chief Executive of the Civil Service",
        kind="official",
        organisation="CO",
        email=f"martin.oakridge@{_GOV}",
    ),
    Person(
        key="iu_director",
        name="Anna Whitlock",
        role="Director, Implementation Unit",
        kind="official",
        organisation="IU",
        email=f"anna.whitlock@{_GOV}",
    ),
    Person(
        key="iu_dd_public",
        name="Tom Okafor",
        role="Deputy Director, Public Services",
        kind="official",
        organisation="IU",
        email=f"tom.okafor@{_GOV}",
    ),
    Person(
        key="iu_dd_growth",
        name="Priya Raman",
        role="Deputy Director, Growth and Infrastructure",
        kind="official",
        organisation="IU",
        email=f"priya.raman@{_GOV}",
    ),
    Person(
        key="iu_head_data",
        name="Owen Llewellyn",
        role="Head of Data and Analysis, Implementation Unit",
        kind="official",
        organisation="IU",
        email=f"owen.llewellyn@{_GOV}",
    ),
    # HM Treasury
    Person(
        key="hmt_chx",
        name="Charles Haverford",
        role="Chancellor of the Exchequer",
        kind="minister",
        organisation="HMT",
        email=f"charles.haverford@{_GOV}",
    ),
    Person(
        key="hmt_cst",
        name="Nadia Kershaw",
        role="Chief Secretary to the Treasury",
        kind="minister",
        organisation="HMT",
        email=f"nadia.kershaw@{_GOV}",
    ),
    Person(
        key="hmt_comsec",
        name="Simon Rattray",
        role="Commercial Secretary to the Treasury",
        kind="minister",
        organisation="HMT",
        email=f"simon.rattray@{_GOV}",
    ),
    Person(
        key="hmt_dg_spending",
        name="Clare Whitby",
        role="Director General, Public Spending",
        kind="official",
        organisation="HMT",
        email=f"clare.whitby@{_GOV}",
    ),
    Person(
        key="hmrc_sro_childcare",
        name="Iwan Pritchard",
        role="Director, Childcare Service (SRO, Tax-Free Childcare)",
        kind="sro",
        organisation="HMRC",
        email=f"iwan.pritchard@{_GOV}",
    ),
    # Health
    Person(
        key="dh_sos",
        name="Martin Ellery",
        role="Secretary of State for Health",
        kind="minister",
        organisation="DH",
        email=f"martin.ellery@{_GOV}",
    ),
    Person(
        key="dh_mos_care",
        name="Judith Penhallow",
        role="Minister of State for Community and Social Care",
        kind="minister",
        organisation="DH",
        email=f"judith.penhallow@{_GOV}",
    ),
    Person(
        key="dh_sro_integration",
        name="Dr Sarah Linacre",
        role="Director, Social Care, Ageing and Disability (SRO, Health and Care Integration)",
        kind="sro",
        organisation="DH",
        email=f"sarah.linacre@{_GOV}",
    ),
    Person(
        key="nhse_sro_7day",
        name="Professor Kieran Doyle",
        role="Programme Director, Seven Day Services (SRO)",
        kind="sro",
        organisation="NHSE",
        email=f"kieran.doyle@{_GOV}",
    ),
    Person(
        key="nhse_primary",
        name="Dr Nikhil Bhatt",
        role="Director of Primary Care",
        kind="sro",
        organisation="NHSE",
        email=f"nikhil.bhatt@{_GOV}",
    ),
    Person(
        key="nhse_urgent",
        name="Professor Geraint Mellor",
        role="National Director for Urgent and Emergency Care",
        kind="sro",
        organisation="NHSE",
        email=f"geraint.mellor@{_GOV}",
    ),
    Person(
        key="nhse_cancer",
        name="Dr Ruth Abernethy",
        role="National Cancer Director",
        kind="sro",
        organisation="NHSE",
        email=f"ruth.abernethy@{_GOV}",
    ),
    Person(
        key="nhse_mh",
        name="Dr Colm Farrelly",
        role="National Clinical Director for Mental Health",
        kind="sro",
        organisation="NHSE",
        email=f"colm.farrelly@{_GOV}",
    ),
    Person(
        key="nhsi_ops",
        name="Janet Holroyd",
        role="Executive Director of Operations and Performance",
        kind="sro",
        organisation="NHSI",
        email=f"janet.holroyd@{_GOV}",
    ),
    # Education
    Person(
        key="dfe_sos",
        name="Caroline Ashby",
        role="Secretary of State for Education",
        kind="minister",
        organisation="DfE",
        email=f"caroline.ashby@{_GOV}",
    ),
    Person(
        key="dfe_mos_schools",
        name="Peter Lindqvist",
        role="Minister of State for Schools",
        kind="minister",
        organisation="DfE",
        email=f"peter.lindqvist@{_GOV}",
    ),
    Person(
        key="dfe_pus_childcare",
        name="Amir Chaudhry",
        role="Parliamentary Under Secretary of State for Childcare and Education",
        kind="minister",
        organisation="DfE",
        email=f"amir.chaudhry@{_GOV}",
    ),
    Person(
        key="dfe_sro_free_schools",
        name="Helen Drury",
        role="Director, Free Schools Group (SRO, Free Schools Programme)",
        kind="sro",
        organisation="DfE",
        email=f"helen.drury@{_GOV}",
    ),
    Person(
        key="dfe_sro_childcare",
        name="Louise Armitage",
        role="Director, Early Years and Childcare (SRO, 30 Hours Free Childcare)",
        kind="sro",
        organisation="DfE",
        email=f"louise.armitage@{_GOV}",
    ),
    Person(
        key="dfe_sro_nff",
        name="Mark Tennant",
        role="Director, Funding Policy (SRO, National Funding Formula)",
        kind="sro",
        organisation="DfE",
        email=f"mark.tennant@{_GOV}",
    ),
    Person(
        key="efa_ceo",
        name="Robin Gaskell",
        role="Chief Executive, Education Funding Agency",
        kind="official",
        organisation="EFA",
        email=f"robin.gaskell@{_GOV}",
    ),
    # Business, Innovation and Skills
    Person(
        key="bis_sos",
        name="Duncan Fairweather",
        role="Secretary of State for Business, Innovation and Skills and President of the "
        "Board of Trade",
        kind="minister",
        organisation="BIS",
        email=f"duncan.fairweather@{_GOV}",
    ),
    Person(
        key="bis_mos_skills",
        name="Graham Tulloch",
        role="Minister of State for Skills (jointly with the Department for Education)",
        kind="minister",
        organisation="BIS",
        email=f"graham.tulloch@{_GOV}",
    ),
    Person(
        key="bis_sro_apprenticeships",
        name="Catherine Yeoman",
        role="Director, Apprenticeships (SRO, Apprenticeships Reform Programme)",
        kind="sro",
        organisation="BIS",
        email=f"catherine.yeoman@{_GOV}",
    ),
    Person(
        key="sfa_ceo",
        name="Rachel Hume",
        role="Chief Executive, Skills Funding Agency",
        kind="official",
        organisation="SFA",
        email=f"rachel.hume@{_GOV}",
    ),
    # Communities and Local Government
    Person(
        key="dclg_sos",
        name="Neil Ormerod",
        role="Secretary of State for Communities and Local Government",
        kind="minister",
        organisation="DCLG",
        email=f"neil.ormerod@{_GOV}",
    ),
    Person(
        key="dclg_mos_housing",
        name="Philippa Kettle",
        role="Minister of State for Housing and Planning",
        kind="minister",
        organisation="DCLG",
        email=f"philippa.kettle@{_GOV}",
    ),
    Person(
        key="dclg_pus_growth",
        name="Daniel Royle",
        role="Parliamentary Under Secretary of State for Local Growth and the Northern Powerhouse",
        kind="minister",
        organisation="DCLG",
        email=f"daniel.royle@{_GOV}",
    ),
    Person(
        key="dclg_dg_housing",
        name="Stephen Acland",
        role="Director General, Housing and Planning (SRO, Housing Supply)",
        kind="sro",
        organisation="DCLG",
        email=f"stephen.acland@{_GOV}",
    ),
    Person(
        key="dclg_sro_tf",
        name="Joanne Birtles",
        role="Director, Troubled Families (SRO)",
        kind="sro",
        organisation="DCLG",
        email=f"joanne.birtles@{_GOV}",
    ),
    Person(
        key="dclg_sro_clgu",
        name="Ravi Kapadia",
        role="Director, Cities and Local Growth Unit (BIS and DCLG)",
        kind="sro",
        organisation="DCLG",
        email=f"ravi.kapadia@{_GOV}",
    ),
    Person(
        key="dclg_dir_lgf",
        name="Bernard Lutwyche",
        role="Director, Local Government Finance (SRO, Business Rates Retention)",
        kind="sro",
        organisation="DCLG",
        email=f"bernard.lutwyche@{_GOV}",
    ),
    Person(
        key="hca_ceo",
        name="Fiona Strachan",
        role="Chief Executive, Homes and Communities Agency",
        kind="official",
        organisation="HCA",
        email=f"fiona.strachan@{_GOV}",
    ),
    # Work and Pensions
    Person(
        key="dwp_sos",
        name="Hugh Calloway",
        role="Secretary of State for Work and Pensions",
        kind="minister",
        organisation="DWP",
        email=f"hugh.calloway@{_GOV}",
    ),
    Person(
        key="dwp_mos_emp",
        name="Shireen Malik",
        role="Minister of State for Employment",
        kind="minister",
        organisation="DWP",
        email=f"shireen.malik@{_GOV}",
    ),
    Person(
        key="dwp_pus_disabled",
        name="Kirsty Belhaven",
        role="Parliamentary Under Secretary of State for Disabled People",
        kind="minister",
        organisation="DWP",
        email=f"kirsty.belhaven@{_GOV}",
    ),
    Person(
        key="dwp_sro_uc",
        name="Colin Aldred",
        role="Director General, Universal Credit Programme (SRO)",
        kind="sro",
        organisation="DWP",
        email=f"colin.aldred@{_GOV}",
    ),
    Person(
        key="dwp_dir_whu",
        name="Dr Miriam Sowerby",
        role="Director, Work and Health Unit (DWP and DH)",
        kind="sro",
        organisation="DWP",
        email=f"miriam.sowerby@{_GOV}",
    ),
    Person(
        key="jcp_dir",
        name="Angela Pryor",
        role="Director, Jobcentre Plus Network",
        kind="official",
        organisation="JCP",
        email=f"angela.pryor@{_GOV}",
    ),
    # Home Office
    Person(
        key="ho_sos",
        name="Frances Whitcombe",
        role="Secretary of State for the Home Department",
        kind="minister",
        organisation="HO",
        email=f"frances.whitcombe@{_GOV}",
    ),
    Person(
        key="ho_mos_policing",
        name="Tobias Wren",
        role="Minister of State for Policing, Crime, Criminal Justice and Victims",
        kind="minister",
        organisation="HO",
        email=f"tobias.wren@{_GOV}",
    ),
    Person(
        key="ho_sro_police",
        name="Rosalind Hext",
        role="Director, Police Reform and Transformation (SRO)",
        kind="sro",
        organisation="HO",
        email=f"rosalind.hext@{_GOV}",
    ),
    # Justice
    Person(
        key="moj_sos",
        name="Geoffrey Ansell",
        role="Lord Chancellor and Secretary of State for Justice",
        kind="minister",
        organisation="MoJ",
        email=f"geoffrey.ansell@{_GOV}",
    ),
    Person(
        key="moj_pus_prisons",
        name="Clare Denholm",
        role="Parliamentary Under Secretary of State for Prisons, Probation, Rehabilitation "
        "and Sentencing",
        kind="minister",
        organisation="MoJ",
        email=f"clare.denholm@{_GOV}",
    ),
    Person(
        key="moj_sro_prisons",
        name="Ian Pattinson",
        role="Director, Prison Reform Programme (SRO)",
        kind="sro",
        organisation="MoJ",
        email=f"ian.pattinson@{_GOV}",
    ),
    Person(
        key="noms_ceo",
        name="Moira Gallacher",
        role="Chief Executive, National Offender Management Service",
        kind="official",
        organisation="NOMS",
        email=f"moira.gallacher@{_GOV}",
    ),
    # Transport
    Person(
        key="dft_sos",
        name="Simon Radley",
        role="Secretary of State for Transport",
        kind="minister",
        organisation="DfT",
        email=f"simon.radley@{_GOV}",
    ),
    Person(
        key="dft_mos",
        name="Lorna Fyfe",
        role="Minister of State for Transport",
        kind="minister",
        organisation="DfT",
        email=f"lorna.fyfe@{_GOV}",
    ),
    Person(
        key="dft_dg_hs2",
        name="Alan Marchetti",
        role="Director General, High Speed Rail Group (SRO, HS2)",
        kind="sro",
        organisation="DfT",
        email=f"alan.marchetti@{_GOV}",
    ),
    Person(
        key="hs2_ceo",
        name="Patrick Munro",
        role="Chief Executive, HS2 Ltd",
        kind="official",
        organisation="HS2L",
        email=f"patrick.munro@{_GOV}",
    ),
    # Energy, environment, culture
    Person(
        key="decc_sos",
        name="Eleanor Hartigan",
        role="Secretary of State for Energy and Climate Change",
        kind="minister",
        organisation="DECC",
        email=f"eleanor.hartigan@{_GOV}",
    ),
    Person(
        key="decc_mos_energy",
        name="Julian Thorne",
        role="Minister of State for Energy",
        kind="minister",
        organisation="DECC",
        email=f"julian.thorne@{_GOV}",
    ),
    Person(
        key="decc_sro_smart",
        name="Dr Meera Shah",
        role="SRO, Smart Metering Implementation Programme",
        kind="sro",
        organisation="DECC",
        email=f"meera.shah@{_GOV}",
    ),
    Person(
        key="defra_sos",
        name="Alistair Dunmore",
        role="Secretary of State for Environment, Food and Rural Affairs",
        kind="minister",
        organisation="DEFRA",
        email=f"alistair.dunmore@{_GOV}",
    ),
    Person(
        key="defra_pus",
        name="Owen Treharne",
        role="Parliamentary Under Secretary of State for Environment and Rural Affairs",
        kind="minister",
        organisation="DEFRA",
        email=f"owen.treharne@{_GOV}",
    ),
    Person(
        key="defra_sro_flood",
        name="Bridget Lomax",
        role="Director, Floods and Water (SRO, Flood Defence Capital Programme)",
        kind="sro",
        organisation="DEFRA",
        email=f"bridget.lomax@{_GOV}",
    ),
    Person(
        key="dcms_sos",
        name="Katherine Lowther",
        role="Secretary of State for Culture, Media and Sport",
        kind="minister",
        organisation="DCMS",
        email=f"katherine.lowther@{_GOV}",
    ),
    Person(
        key="dcms_mos_digital",
        name="Nicholas Brereton",
        role="Minister of State for Culture and the Digital Economy",
        kind="minister",
        organisation="DCMS",
        email=f"nicholas.brereton@{_GOV}",
    ),
    Person(
        key="bduk_ceo",
        name="Gwen Parry",
        role="Chief Executive, Broadband Delivery UK (SRO, Superfast Broadband Programme)",
        kind="sro",
        organisation="BDUK",
        email=f"gwen.parry@{_GOV}",
    ),
    # Haringey
    Person(
        key="hgy_leader",
        name="Siobhan Hartley",
        role="Leader of the Council",
        kind="leader",
        organisation="HGY",
        email=f"siobhan.hartley@{_HGY}",
    ),
    Person(
        key="hgy_ceo",
        name="David Renshaw",
        role="Chief Executive",
        kind="official",
        organisation="HGY",
        email=f"david.renshaw@{_HGY}",
    ),
    Person(
        key="hgy_cdu_head",
        name="Sunita Mehra",
        role="Head of the Corporate Delivery Unit",
        kind="official",
        organisation="HGY-CDU",
        email=f"sunita.mehra@{_HGY}",
    ),
    Person(
        key="hgy_cdu_analyst",
        name="Josh Adebayo",
        role="Senior Delivery Analyst, Corporate Delivery Unit",
        kind="official",
        organisation="HGY-CDU",
        email=f"josh.adebayo@{_HGY}",
    ),
    Person(
        key="hgy_cm_housing",
        name="Joseph Adeyemi",
        role="Cabinet Member for Housing and Estate Renewal",
        kind="cabinet_member",
        organisation="HGY",
        email=f"joseph.adeyemi@{_HGY}",
    ),
    Person(
        key="hgy_cm_regen",
        name="Matthew Carrick",
        role="Cabinet Member for Planning and Regeneration",
        kind="cabinet_member",
        organisation="HGY",
        email=f"matthew.carrick@{_HGY}",
    ),
    Person(
        key="hgy_cm_children",
        name="Rachel Lindo",
        role="Cabinet Member for Children and Families",
        kind="cabinet_member",
        organisation="HGY",
        email=f"rachel.lindo@{_HGY}",
    ),
    Person(
        key="hgy_cm_environment",
        name="Tomasz Nowak",
        role="Cabinet Member for Environment",
        kind="cabinet_member",
        organisation="HGY",
        email=f"tomasz.nowak@{_HGY}",
    ),
    Person(
        key="hgy_cm_communities",
        name="Bernadette Quinn",
        role="Cabinet Member for Communities",
        kind="cabinet_member",
        organisation="HGY",
        email=f"bernadette.quinn@{_HGY}",
    ),
    Person(
        key="hgy_cm_health",
        name="Hakan Demir",
        role="Cabinet Member for Health, Social Care and Wellbeing",
        kind="cabinet_member",
        organisation="HGY",
        email=f"hakan.demir@{_HGY}",
    ),
    Person(
        key="hgy_dcs",
        name="Gillian Mortimer",
        role="Director of Children's Services",
        kind="sro",
        organisation="HGY-CYP",
        email=f"gillian.mortimer@{_HGY}",
    ),
    Person(
        key="hgy_yos",
        name="Marcus Ansah",
        role="Head of Youth Offending Service",
        kind="official",
        organisation="HGY-CYP",
        email=f"marcus.ansah@{_HGY}",
    ),
    Person(
        key="hgy_das",
        name="Folake Bankole",
        role="Director of Adult Social Services",
        kind="sro",
        organisation="HGY-ASC",
        email=f"folake.bankole@{_HGY}",
    ),
    Person(
        key="hgy_dph",
        name="Dr Ayesha Karim",
        role="Director of Public Health",
        kind="sro",
        organisation="HGY-PH",
        email=f"ayesha.karim@{_HGY}",
    ),
    Person(
        key="hgy_dir_regen",
        name="Jonah Fitzpatrick",
        role="Director of Regeneration, Planning and Development",
        kind="sro",
        organisation="HGY-REG",
        email=f"jonah.fitzpatrick@{_HGY}",
    ),
    Person(
        key="hgy_ad_housing",
        name="Karen Whitfield",
        role="Assistant Director, Housing Demand",
        kind="sro",
        organisation="HGY-HSG",
        email=f"karen.whitfield@{_HGY}",
    ),
    Person(
        key="hgy_ad_env",
        name="Claire Donoghue",
        role="Assistant Director, Environment and Neighbourhoods",
        kind="sro",
        organisation="HGY-ENV",
        email=f"claire.donoghue@{_HGY}",
    ),
    Person(
        key="hfh_ceo",
        name="Alan Penrose",
        role="Chief Executive, Homes for Haringey",
        kind="sro",
        organisation="HFH",
        email=f"alan.penrose@{_HGY}",
    ),
    Person(
        key="hgy_head_cs",
        name="Leroy Campbell",
        role="Head of Community Safety and Enforcement",
        kind="official",
        organisation="HGY-ENV",
        email=f"leroy.campbell@{_HGY}",
    ),
    Person(
        key="csp_chair",
        name="Patricia Oyelaran",
        role="Chair, Haringey Community Safety Partnership",
        kind="chair",
        organisation="HGY-CSP",
        email=f"patricia.oyelaran@{_HGY}",
    ),
    Person(
        key="mps_bc",
        name="Neil Carver",
        role="Borough Commander, Haringey (Chief Superintendent)",
        kind="official",
        organisation="MPS",
        email=f"neil.carver@{_GOV}",
    ),
)


# ---------------------------------------------------------------------------------------------
# 3. Manifesto commitments, as tracked by the Implementation Unit
# ---------------------------------------------------------------------------------------------

MANIFESTO = Programme(
    code="MAN2015",
    title="Manifesto commitments 2015–2020",
    kind="manifesto",
    owner="IU",
    source_document=("The 2015 manifesto, and the single departmental plans 2015–20"),
    start_date=date(2015, 5, 8),
    # The Parliament in fact ended early, in 2017; the plans assumed a full term.
    end_date=date(2020, 5, 7),
    area="E92000001",
    description=(
        "The government's priority commitments for this Parliament, each owned by a lead "
        "department with milestones in its single departmental plan. The Implementation Unit "
        "collects monthly updates, judges delivery confidence and brings the hardest cases to "
        "the Prime Minister's stocktakes."
    ),
)

MANIFESTO_COMMITMENTS: tuple[Commitment, ...] = (
    # Education and skills ---------------------------------------------------------------------
    Commitment(
        code="M01",
        title="Three million apprenticeships",
        text=(
            "We will create three million new apprenticeships in England over this "
            "Parliament. Employers will be in the driving seat, designing the standards and, "
            "through an apprenticeship levy on large employers, paying for the training."
        ),
        theme="Education and skills",
        lead_organisations=("BIS", "DfE"),
        supporting_organisations=("SFA", "DWP", "HMT", "CO"),
        lead_people=("bis_mos_skills", "dfe_sos", "bis_sro_apprenticeships"),
        supporting_people=("sfa_ceo", "dwp_mos_emp"),
        deadline="by 2020",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "English Apprenticeships: Our 2020 Vision published", "2015-12-07", 0, True
            ),
            Milestone(
                "MS2",
                "Enterprise Act receives Royal Assent, protecting the term 'apprenticeship'",
                "2016-03-31",
                1,
                True,
            ),
            Milestone(
                "MS3", "Levy funding bands and rules for employers published", "2016-08-31", 2, True
            ),
            Milestone(
                "MS4",
                "Apprenticeship levy goes live and Institute for Apprenticeships opens",
                "2017-04-06",
                0,
                False,
            ),
            Milestone(
                "MS5",
                "Apprenticeship service open to all levy-paying employers",
                "2017-05-01",
                0,
                False,
            ),
            Milestone("MS6", "1.5 million starts since May 2015 (halfway)", "2017-10-31", 3, False),
        ),
        path="slipping",
        measure="APP-STARTS",
    ),
    Commitment(
        code="M01a",
        title="Public sector apprenticeship target",
        text=(
            "Public sector bodies in England with 250 or more staff will have a target to "
            "employ apprentices: at least 2.3% of their headcount starting an apprenticeship "
            "each year."
        ),
        theme="Education and skills",
        lead_organisations=("BIS",),
        supporting_organisations=("CO", "DH", "HO", "MoJ"),
        lead_people=("bis_sro_apprenticeships",),
        supporting_people=("co_min", "co_ceo_cs"),
        deadline="from April 2017",
        priority_tier=2,
        published=True,
        parent="M01",
        milestones=(
            Milestone("MS1", "Consultation on public sector targets closes", "2016-03-31", 0, True),
            Milestone("MS2", "Target regulations laid before Parliament", "2016-12-31", 2, False),
            Milestone(
                "MS3", "Target in force for bodies with 250 or more staff", "2017-04-01", 0, False
            ),
            Milestone(
                "MS4", "First annual returns from public bodies published", "2018-09-30", 0, False
            ),
        ),
        path="at_risk",
        measure=None,
    ),
    Commitment(
        code="M02",
        title="500 new free schools",
        text=(
            "We will open at least 500 new free schools by 2020, giving parents a greater "
            "choice of good school places, especially where they are most needed."
        ),
        theme="Education and skills",
        lead_organisations=("DfE",),
        supporting_organisations=("EFA", "HMT", "DCLG"),
        lead_people=("dfe_mos_schools", "dfe_sro_free_schools"),
        supporting_people=("efa_ceo",),
        deadline="by 2020",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Spending Review 2015 confirms capital for 500 new free schools",
                "2015-11-25",
                0,
                True,
            ),
            Milestone("MS2", "Wave 11 free school applications approved", "2016-03-31", 3, True),
            Milestone("MS3", "September 2016 openings complete", "2016-09-01", 0, True),
            Milestone(
                "MS4",
                "Property company established to buy sites for free schools",
                "2016-09-30",
                6,
                False,
            ),
            Milestone("MS5", "250 new free schools open since May 2015", "2018-09-01", 0, False),
        ),
        path="recovering",
        measure="FS-OPEN",
    ),
    Commitment(
        code="M03",
        title="30 hours free childcare",
        text=(
            "We will give working parents of three- and four-year-olds 30 hours of free "
            "childcare a week during term time, double the current 15 hours."
        ),
        theme="Education and skills",
        lead_organisations=("DfE",),
        supporting_organisations=("HMRC", "HMT"),
        lead_people=("dfe_pus_childcare", "dfe_sro_childcare"),
        supporting_people=("hmrc_sro_childcare",),
        deadline="September 2017",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Childcare Act receives Royal Assent", "2016-03-31", 0, True),
            Milestone(
                "MS2", "Early implementer areas begin offering 30 hours", "2016-09-01", 0, True
            ),
            Milestone(
                "MS3",
                "Early years national funding formula and 2017/18 rates confirmed",
                "2016-12-01",
                0,
                False,
            ),
            Milestone(
                "MS4", "Online eligibility checking opens to parents", "2017-04-30", 0, False
            ),
            Milestone("MS5", "30 hours available in every local authority", "2017-09-01", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M04",
        title="Fairer school funding",
        text=(
            "We will introduce a national funding formula for schools, so that funding "
            "follows pupils fairly wherever they live, ending the historic unfairness between "
            "areas."
        ),
        theme="Education and skills",
        lead_organisations=("DfE",),
        supporting_organisations=("EFA",),
        lead_people=("dfe_mos_schools", "dfe_sro_nff"),
        supporting_people=("efa_ceo",),
        deadline="2017/18",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "First-stage consultation on the formula published", "2016-03-07", 0, True
            ),
            Milestone(
                "MS2",
                "Second-stage consultation with illustrative school allocations",
                "2016-09-30",
                3,
                False,
            ),
            Milestone(
                "MS3", "Final formula and 2018/19 allocations published", "2017-06-30", 0, False
            ),
            Milestone(
                "MS4", "National funding formula sets school budgets", "2018-04-01", 0, False
            ),
        ),
        path="recovering",
        measure=None,
    ),
    # Health and care --------------------------------------------------------------------------
    Commitment(
        code="M05",
        title="Seven-day NHS",
        text=(
            "We will ensure that everyone can see a GP, and receive the hospital care they "
            "need, seven days a week by 2020, so that patients get the same high-quality care "
            "whichever day they need it."
        ),
        theme="Health and care",
        lead_organisations=("DH",),
        supporting_organisations=("NHSE", "NHSI"),
        lead_people=("dh_sos", "nhse_sro_7day"),
        supporting_people=("nhse_primary", "nhsi_ops"),
        deadline="by 2020",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Seven-day services set as an objective in the 2016/17 NHS mandate",
                "2015-12-31",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Seven-day services built into sustainability and transformation plans",
                "2016-06-30",
                1,
                True,
            ),
            Milestone(
                "MS3",
                "First self-assessment of all acute trusts against the clinical standards",
                "2016-09-30",
                2,
                True,
            ),
            Milestone(
                "MS4",
                "Seven-day services available to a quarter of the population",
                "2017-03-31",
                0,
                False,
            ),
            Milestone(
                "MS5",
                "Seven-day services available to the whole population",
                "2020-03-31",
                0,
                False,
            ),
        ),
        path="at_risk",
        measure="GP-EXT-ACCESS",
    ),
    Commitment(
        code="M05a",
        title="Seven-day hospital services",
        text=(
            "Every hospital trust will meet the four priority clinical standards for urgent "
            "and emergency care seven days a week: consultant review within 14 hours, access "
            "to diagnostics, consultant-directed interventions and ongoing daily review."
        ),
        theme="Health and care",
        lead_organisations=("NHSE",),
        supporting_organisations=("DH", "NHSI"),
        lead_people=("nhse_sro_7day",),
        supporting_people=("nhsi_ops",),
        deadline="by 2020",
        priority_tier=2,
        published=False,
        parent="M05",
        milestones=(
            Milestone("MS1", "First-wave early adopter trusts named", "2015-11-30", 0, True),
            Milestone(
                "MS2",
                "Four priority standards met by first-wave trusts",
                "2016-11-30",
                4,
                False,
            ),
            Milestone("MS3", "Standards met for half the population", "2018-03-31", 0, False),
            Milestone("MS4", "Standards met in every acute trust", "2020-03-31", 0, False),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="M05b",
        title="GP appointments in the evening and at weekends",
        text=(
            "Everyone will be able to get a routine GP appointment in the evening or at the "
            "weekend, with practices working together across an area to offer it."
        ),
        theme="Health and care",
        lead_organisations=("NHSE",),
        supporting_organisations=("DH",),
        lead_people=("nhse_primary",),
        supporting_people=("dh_sos",),
        deadline="by March 2019",
        priority_tier=2,
        published=True,
        parent="M05",
        milestones=(
            Milestone("MS1", "Second wave of GP Access Fund sites live", "2015-09-30", 0, True),
            Milestone(
                "MS2",
                "General Practice Forward View published, with extended access funding",
                "2016-04-21",
                0,
                True,
            ),
            Milestone(
                "MS3",
                "Every CCG submits its plan for extended access",
                "2016-12-31",
                2,
                False,
            ),
            Milestone("MS4", "Extended access for 40% of the population", "2018-03-31", 0, False),
            Milestone("MS5", "Extended access for the whole population", "2019-03-31", 0, False),
        ),
        path="improving",
        measure="GP-EXT-ACCESS",
    ),
    Commitment(
        code="M06",
        title="A&E four-hour standard",
        text=(
            "We will maintain the standard that 95% of patients attending A&E are admitted, "
            "transferred or discharged within four hours, and improve the flow of patients "
            "through hospitals and back home."
        ),
        theme="Health and care",
        lead_organisations=("NHSE", "NHSI"),
        supporting_organisations=("DH", "DCLG"),
        lead_people=("nhse_urgent", "nhsi_ops"),
        supporting_people=("dh_sos", "dh_mos_care"),
        deadline="Ongoing",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "A&E Improvement Plan published", "2016-07-31", 0, True),
            Milestone("MS2", "A&E Delivery Boards in place in every area", "2016-09-30", 0, True),
            Milestone("MS3", "Winter plans for 2016/17 assured", "2016-10-31", 0, True),
            Milestone(
                "MS4",
                "Streaming to primary care at the front door of every type 1 A&E",
                "2017-10-01",
                0,
                False,
            ),
            Milestone("MS5", "95% standard met nationally again", "2018-03-31", 6, False),
        ),
        path="slipping",
        measure="AE-4HR",
    ),
    Commitment(
        code="M07",
        title="Cancer waiting times and outcomes",
        text=(
            "We will deliver the Cancer Taskforce strategy, so that 85% of patients start "
            "treatment within 62 days of an urgent GP referral and, by 2020, anyone with "
            "suspected cancer has a definitive diagnosis or the all-clear within 28 days."
        ),
        theme="Health and care",
        lead_organisations=("NHSE",),
        supporting_organisations=("PHE", "DH"),
        lead_people=("nhse_cancer",),
        supporting_people=("dh_sos",),
        deadline="Ongoing",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Independent Cancer Taskforce strategy published", "2015-07-19", 0, True
            ),
            Milestone("MS2", "Cancer Alliances established across England", "2016-06-30", 3, True),
            Milestone("MS3", "Cancer Alliance delivery plans agreed", "2017-03-31", 2, False),
            Milestone(
                "MS4",
                "28-day Faster Diagnosis Standard tested in five sites",
                "2017-09-30",
                0,
                False,
            ),
            Milestone(
                "MS5",
                "62-day standard met nationally for four quarters running",
                "2018-03-31",
                0,
                False,
            ),
        ),
        path="at_risk",
        measure="CANCER-62",
    ),
    Commitment(
        code="M08",
        title="Mental health waiting time standards",
        text=(
            "We will introduce the first waiting time standards in mental health: 75% of "
            "people referred for talking therapies treated within six weeks, and 50% of "
            "people with a first episode of psychosis treated within two weeks."
        ),
        theme="Health and care",
        lead_organisations=("DH",),
        supporting_organisations=("NHSE", "PHE"),
        lead_people=("dh_mos_care", "nhse_mh"),
        supporting_people=(),
        deadline="April 2016",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Five Year Forward View for Mental Health published",
                "2016-02-15",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Implementation guidance for the psychosis standard published",
                "2016-02-29",
                0,
                True,
            ),
            Milestone("MS3", "Both waiting time standards in force", "2016-04-01", 0, True),
            Milestone(
                "MS4", "Both standards met nationally for a full quarter", "2016-09-30", 0, True
            ),
        ),
        path="delivered",
        measure=None,
    ),
    Commitment(
        code="M09",
        title="Fund the NHS Five Year Forward View",
        text=(
            "We will back the NHS's own plan, the Five Year Forward View, with at least an "
            "additional £8 billion a year in real terms by 2020/21."
        ),
        theme="Health and care",
        lead_organisations=("DH",),
        supporting_organisations=("HMT", "NHSE"),
        lead_people=("dh_sos",),
        supporting_people=("hmt_cst", "hmt_dg_spending"),
        deadline="2020/21",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Spending Review 2015 settles NHS England revenue", "2015-11-25", 0, True
            ),
            Milestone("MS2", "NHS mandate for 2016/17 published", "2015-12-31", 0, True),
            Milestone(
                "MS3",
                "Sustainability and transformation plans submitted by all 44 footprints",
                "2016-06-30",
                4,
                True,
            ),
            Milestone("MS4", "Planning guidance for 2017–19 published", "2016-09-22", 0, True),
        ),
        path="delivered",
        measure=None,
    ),
    Commitment(
        code="M10",
        title="Integrate health and social care",
        text=(
            "Health and social care will be integrated across the country by 2020, with every "
            "area having a plan for integration agreed by 2017, building on the Better Care "
            "Fund."
        ),
        theme="Health and care",
        lead_organisations=("DH", "DCLG"),
        supporting_organisations=("NHSE",),
        lead_people=("dh_mos_care", "dclg_sos", "dh_sro_integration"),
        supporting_people=(),
        deadline="by 2020",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Better Care Fund policy framework for 2016/17 published",
                "2016-01-31",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Better Care Fund plans approved for all 151 health and wellbeing boards",
                "2016-06-30",
                2,
                True,
            ),
            Milestone(
                "MS3",
                "Integration and Better Care Fund policy framework 2017–19 published",
                "2016-12-31",
                3,
                False,
            ),
            Milestone("MS4", "Every area has an agreed integration plan", "2017-03-31", 6, False),
            Milestone(
                "MS5", "Health and social care integrated in every area", "2020-03-31", 0, False
            ),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="M11",
        title="5,000 more doctors in general practice",
        text=(
            "We will train and retain an additional 5,000 doctors working in general practice "
            "by 2020."
        ),
        theme="Health and care",
        lead_organisations=("DH",),
        supporting_organisations=("NHSE",),
        lead_people=("dh_sos",),
        supporting_people=("nhse_primary",),
        deadline="by 2020",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "General Practice Forward View published", "2016-04-21", 0, True),
            Milestone(
                "MS2", "3,250 GP training places filled in the 2016 round", "2016-08-31", 0, False
            ),
            Milestone(
                "MS3", "International GP recruitment programme launched", "2017-03-31", 3, False
            ),
            Milestone(
                "MS4",
                "5,000 more doctors working in general practice than in 2014",
                "2020-03-31",
                0,
                False,
            ),
        ),
        path="at_risk",
        measure=None,
    ),
    # Housing ----------------------------------------------------------------------------------
    Commitment(
        code="M12",
        title="200,000 starter homes",
        text=(
            "We will build 200,000 Starter Homes, sold at a 20% discount below market value "
            "to first-time buyers under 40, and exempt them from the taxes and charges that "
            "currently fund affordable housing."
        ),
        theme="Housing",
        lead_organisations=("DCLG",),
        supporting_organisations=("HCA", "HMT"),
        lead_people=("dclg_mos_housing", "dclg_dg_housing"),
        supporting_people=("hca_ceo", "hmt_cst"),
        deadline="by the end of this Parliament",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Housing and Planning Act receives Royal Assent (starter homes duty)",
                "2016-04-30",
                1,
                True,
            ),
            Milestone(
                "MS2", "Starter homes regulations laid before Parliament", "2016-10-31", 5, False
            ),
            Milestone(
                "MS3", "Starter Homes Land Fund: first sites acquired", "2016-12-31", 4, False
            ),
            Milestone("MS4", "First starter homes completed and sold", "2017-12-31", 6, False),
        ),
        path="stalled",
        measure="SH-COMPLETIONS",
    ),
    Commitment(
        code="M13",
        title="One million new homes",
        text=(
            "We will deliver one million new homes in England by the end of this Parliament, "
            "reforming planning so that land for housing comes forward more quickly."
        ),
        theme="Housing",
        lead_organisations=("DCLG",),
        supporting_organisations=("HCA", "HMT"),
        lead_people=("dclg_mos_housing", "dclg_dg_housing"),
        supporting_people=("hca_ceo",),
        deadline="by 2020",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Housing and Planning Act receives Royal Assent", "2016-05-12", 0, True
            ),
            Milestone(
                "MS2",
                "Housing White Paper, Fixing our broken housing market, published",
                "2016-12-31",
                2,
                False,
            ),
            Milestone("MS3", "Housing Infrastructure Fund open for bids", "2017-07-31", 0, False),
            Milestone(
                "MS4", "Net additional dwellings exceed 200,000 a year", "2018-11-30", 0, False
            ),
            Milestone("MS5", "One million net additional homes since 2015", "2020-03-31", 0, False),
        ),
        path="improving",
        measure=None,
    ),
    Commitment(
        code="M14",
        title="Right to Buy for housing association tenants",
        text=(
            "We will extend the Right to Buy to housing association tenants, funded by "
            "councils selling their most expensive homes as they fall vacant, with every home "
            "sold replaced."
        ),
        theme="Housing",
        lead_organisations=("DCLG",),
        supporting_organisations=("HCA",),
        lead_people=("dclg_mos_housing",),
        supporting_people=("hca_ceo",),
        deadline="by March 2018",
        priority_tier=2,
        published=False,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Voluntary agreement reached with the National Housing Federation",
                "2015-10-12",
                0,
                True,
            ),
            Milestone("MS2", "Pilot with five housing associations opens", "2016-01-04", 0, True),
            Milestone(
                "MS3",
                "Regulations for the levy on high-value council homes laid",
                "2016-10-31",
                5,
                False,
            ),
            Milestone("MS4", "Large-scale regional pilot opens", "2017-04-30", 6, False),
            Milestone(
                "MS5",
                "Right to Buy available to all housing association tenants",
                "2018-03-31",
                0,
                False,
            ),
        ),
        path="slipping",
        measure=None,
    ),
    # Economy and jobs -------------------------------------------------------------------------
    Commitment(
        code="M15",
        title="Tax-Free Childcare",
        text=(
            "We will introduce Tax-Free Childcare: for every £8 parents pay into a childcare "
            "account the government will add £2, up to £2,000 a year for each child."
        ),
        theme="Economy and jobs",
        lead_organisations=("HMT",),
        supporting_organisations=("HMRC", "DfE"),
        lead_people=("hmt_cst", "hmrc_sro_childcare"),
        supporting_people=("dfe_pus_childcare",),
        deadline="early 2017",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Legal challenge by childcare voucher providers resolved",
                "2015-12-31",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Childcare Service trial with a small group of parents",
                "2016-06-30",
                6,
                False,
            ),
            Milestone("MS3", "Open to parents of the youngest children", "2017-04-30", 0, False),
            Milestone("MS4", "Open to all eligible parents", "2017-12-31", 0, False),
        ),
        path="recovering",
        measure=None,
    ),
    Commitment(
        code="M16",
        title="National Living Wage",
        text=(
            "We will introduce a National Living Wage for workers aged 25 and over, starting "
            "at £7.20 an hour in April 2016 and rising to 60% of median earnings by 2020."
        ),
        theme="Economy and jobs",
        lead_organisations=("HMT",),
        supporting_organisations=("BIS", "HMRC"),
        lead_people=("hmt_chx",),
        supporting_people=("bis_sos",),
        deadline="April 2016",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Summer Budget announces the National Living Wage", "2015-07-08", 0, True
            ),
            Milestone(
                "MS2", "National Living Wage introduced at £7.20 an hour", "2016-04-01", 0, True
            ),
            Milestone(
                "MS3",
                "Low Pay Commission recommendation for April 2017 accepted",
                "2016-11-23",
                0,
                True,
            ),
            Milestone("MS4", "National Living Wage rises to £7.50 an hour", "2017-04-01", 0, False),
            Milestone(
                "MS5", "National Living Wage reaches 60% of median earnings", "2020-04-01", 0, False
            ),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M17",
        title="Personal allowance of £12,500",
        text=(
            "We will raise the tax-free Personal Allowance to £12,500 and the higher rate "
            "threshold to £50,000 by the end of this Parliament, and make sure no one working "
            "30 hours a week on the minimum wage pays income tax."
        ),
        theme="Economy and jobs",
        lead_organisations=("HMT",),
        supporting_organisations=("HMRC",),
        lead_people=("hmt_chx",),
        supporting_people=(),
        deadline="by the end of this Parliament",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Personal Allowance rises to £11,000", "2016-04-06", 0, True),
            Milestone(
                "MS2",
                "Finance Act 2016 links the allowance to the minimum wage",
                "2016-09-15",
                0,
                True,
            ),
            Milestone(
                "MS3",
                "Allowance £11,500 and higher rate threshold £45,000",
                "2017-04-06",
                0,
                False,
            ),
            Milestone("MS4", "Personal Allowance reaches £12,500", "2020-04-06", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M18",
        title="Full employment",
        text=(
            "We will aim for full employment, with the highest employment rate in the G7, and "
            "two million more jobs over this Parliament."
        ),
        theme="Economy and jobs",
        lead_organisations=("DWP",),
        supporting_organisations=("JCP", "BIS", "HMT"),
        lead_people=("dwp_mos_emp",),
        supporting_people=("jcp_dir",),
        deadline="by the end of this Parliament",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Employment rate reaches a record 74%", "2016-03-31", 0, True),
            Milestone(
                "MS2", "One million more people in work than in May 2015", "2017-06-30", 0, False
            ),
            Milestone(
                "MS3", "Two million more people in work than in May 2015", "2020-03-31", 0, False
            ),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M19",
        title="Efficiency Review savings",
        text=(
            "We will find a further £3.5 billion of efficiency savings across government by "
            "2019/20, through an Efficiency Review led jointly by HM Treasury and the Cabinet "
            "Office."
        ),
        theme="Economy and jobs",
        lead_organisations=("HMT", "CO"),
        supporting_organisations=(),
        lead_people=("hmt_cst", "co_min", "co_ceo_cs"),
        supporting_people=("hmt_dg_spending",),
        deadline="2019/20",
        priority_tier=3,
        published=False,
        parent=None,
        milestones=(
            Milestone("MS1", "Efficiency Review launched at Budget 2016", "2016-03-16", 0, True),
            Milestone(
                "MS2",
                "Departmental efficiency plans agreed with HM Treasury",
                "2016-11-23",
                0,
                True,
            ),
            Milestone(
                "MS3",
                "£3.5 billion of savings reflected in 2019/20 budgets",
                "2017-11-30",
                0,
                False,
            ),
            Milestone("MS4", "£3.5 billion of savings delivered", "2020-03-31", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    # Welfare ----------------------------------------------------------------------------------
    Commitment(
        code="M20",
        title="Universal Credit",
        text=(
            "We will complete the roll-out of Universal Credit, so that work always pays and "
            "people can move smoothly between benefits and work."
        ),
        theme="Welfare",
        lead_organisations=("DWP",),
        supporting_organisations=("JCP", "HMRC"),
        lead_people=("dwp_sos", "dwp_sro_uc"),
        supporting_people=("jcp_dir",),
        deadline="by March 2021",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Live service available in every jobcentre", "2016-04-30", 0, True),
            Milestone("MS2", "Full digital service expansion begins", "2016-05-31", 0, True),
            Milestone("MS3", "Full service in every jobcentre", "2018-09-30", 0, False),
            Milestone(
                "MS4",
                "Move of existing claimants to Universal Credit begins",
                "2019-07-31",
                0,
                False,
            ),
            Milestone(
                "MS5", "All legacy benefit claimants on Universal Credit", "2021-03-31", 0, False
            ),
        ),
        path="recovering",
        measure=None,
    ),
    Commitment(
        code="M21",
        title="Lower benefit cap",
        text=(
            "We will lower the household benefit cap from £26,000 to £23,000 a year in London "
            "and £20,000 elsewhere."
        ),
        theme="Welfare",
        lead_organisations=("DWP",),
        supporting_organisations=("DCLG", "JCP"),
        lead_people=("dwp_sos",),
        supporting_people=("jcp_dir",),
        deadline="Autumn 2016",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Welfare Reform and Work Act receives Royal Assent", "2016-03-16", 0, True
            ),
            Milestone("MS2", "Lower cap applies to new claims", "2016-11-07", 0, True),
            Milestone("MS3", "Lower cap applied to all capped households", "2017-01-31", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M22",
        title="Troubled families",
        text=(
            "We will turn around the lives of a further 400,000 troubled families by 2020, "
            "helping them with worklessness, truancy, domestic abuse and poor health, and "
            "reaching families with younger children."
        ),
        theme="Welfare",
        lead_organisations=("DCLG", "DWP"),
        supporting_organisations=("DfE", "DH", "HO"),
        lead_people=("dclg_sos", "dwp_sos", "dclg_sro_tf"),
        supporting_people=("dwp_mos_emp",),
        deadline="by 2020",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Expanded programme begins in all 152 upper-tier councils",
                "2015-04-01",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Troubled Families Employment Advisers in post in every area",
                "2015-09-30",
                2,
                True,
            ),
            Milestone(
                "MS3", "National evaluation: first findings published", "2016-08-31", 6, False
            ),
            Milestone(
                "MS4",
                "100,000 families achieving significant and sustained progress",
                "2017-12-31",
                0,
                False,
            ),
            Milestone("MS5", "400,000 families turned around", "2020-03-31", 0, False),
        ),
        path="improving",
        measure="TF-OUTCOMES",
    ),
    Commitment(
        code="M23",
        title="Halve the disability employment gap",
        text=(
            "We will halve the disability employment gap, with the health service and "
            "employment support working together to help disabled people and people with "
            "long-term conditions into work."
        ),
        theme="Welfare",
        lead_organisations=("DWP", "DH"),
        supporting_organisations=("JCP", "NHSE"),
        lead_people=("dwp_pus_disabled", "dh_mos_care", "dwp_dir_whu"),
        supporting_people=("jcp_dir",),
        deadline="by the end of this Parliament",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Joint Work and Health Unit established", "2015-11-30", 0, True),
            Milestone(
                "MS2",
                "Improving Lives: Work, Health and Disability Green Paper published",
                "2016-07-31",
                3,
                True,
            ),
            Milestone(
                "MS3", "Consultation response and strategy published", "2017-03-31", 6, False
            ),
            Milestone("MS4", "Disability employment gap halved", "2020-03-31", 0, False),
        ),
        path="stalled",
        measure=None,
    ),
    # Crime and justice ------------------------------------------------------------------------
    Commitment(
        code="M24",
        title="Police reform",
        text=(
            "We will continue to reform the police: letting Police and Crime Commissioners "
            "take on responsibility for fire and rescue services, overhauling police "
            "complaints and discipline, and giving volunteers more powers."
        ),
        theme="Crime and justice",
        lead_organisations=("HO",),
        supporting_organisations=("DCLG",),
        lead_people=("ho_mos_policing", "ho_sro_police"),
        supporting_people=(),
        deadline="by the end of this Parliament",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Fire and rescue policy moves from DCLG to the Home Office",
                "2016-01-05",
                0,
                True,
            ),
            Milestone("MS2", "Policing and Crime Bill introduced", "2016-02-10", 0, True),
            Milestone(
                "MS3", "Policing and Crime Act receives Royal Assent", "2017-01-31", 0, False
            ),
            Milestone(
                "MS4",
                "First Police and Crime Commissioner governs a fire and rescue service",
                "2017-10-01",
                0,
                False,
            ),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M25",
        title="Ban new psychoactive substances",
        text=(
            "We will introduce a blanket ban on new psychoactive substances, so-called legal "
            "highs, making it an offence to produce, supply or import them for human "
            "consumption."
        ),
        theme="Crime and justice",
        lead_organisations=("HO",),
        supporting_organisations=("PHE",),
        lead_people=("ho_mos_policing",),
        supporting_people=(),
        deadline="Spring 2016",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Psychoactive Substances Bill introduced", "2015-05-29", 0, True),
            Milestone(
                "MS2", "Psychoactive Substances Act receives Royal Assent", "2016-01-28", 0, True
            ),
            Milestone("MS3", "Ban comes into force", "2016-04-06", 1, True),
        ),
        path="delivered",
        measure=None,
    ),
    Commitment(
        code="M26",
        title="Prison reform",
        text=(
            "We will reform prisons so that they become places of rehabilitation: giving "
            "governors more autonomy, replacing old Victorian prisons with nine new ones, and "
            "recruiting 2,500 more prison officers."
        ),
        theme="Crime and justice",
        lead_organisations=("MoJ",),
        supporting_organisations=("NOMS", "HMT"),
        lead_people=("moj_sos", "moj_sro_prisons"),
        supporting_people=("noms_ceo", "moj_pus_prisons"),
        deadline="by 2020",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "First six reform prisons announced", "2016-05-31", 0, True),
            Milestone(
                "MS2", "Prison Safety and Reform White Paper published", "2016-09-30", 1, True
            ),
            Milestone(
                "MS3", "Prisons and Courts Bill receives Royal Assent", "2017-12-31", 0, False
            ),
            Milestone("MS4", "2,500 additional prison officers in post", "2018-12-31", 0, False),
            Milestone("MS5", "First new-for-old prison opens", "2020-03-31", 0, False),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="M27",
        title="Victims' Law",
        text=(
            "We will introduce a Victims' Law that enshrines the key rights of victims, such "
            "as making a Victim Personal Statement and being kept informed about their case."
        ),
        theme="Crime and justice",
        lead_organisations=("MoJ",),
        supporting_organisations=("HO",),
        lead_people=("moj_sos",),
        supporting_people=("ho_mos_policing",),
        deadline="within 12 months",
        priority_tier=3,
        published=False,
        parent=None,
        milestones=(
            Milestone("MS1", "Consultation on a Victims' Law published", "2016-06-30", 6, False),
            Milestone("MS2", "Victims' Law Bill introduced", "2017-06-30", 6, False),
        ),
        path="stalled",
        measure=None,
    ),
    # Infrastructure ---------------------------------------------------------------------------
    Commitment(
        code="M28",
        title="High Speed 2",
        text=(
            "We will deliver High Speed 2: Royal Assent for Phase One between London and the "
            "West Midlands, construction starting in 2017, and the route of Phase Two to "
            "Manchester and Leeds confirmed."
        ),
        theme="Infrastructure",
        lead_organisations=("DfT",),
        supporting_organisations=("HS2L", "HMT"),
        lead_people=("dft_mos", "dft_dg_hs2"),
        supporting_people=("hs2_ceo",),
        deadline="2017",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Phase 2a (West Midlands to Crewe) accelerated", "2015-11-30", 0, True
            ),
            Milestone(
                "MS2", "Phase 2b route to Manchester and Leeds confirmed", "2016-11-15", 0, True
            ),
            Milestone(
                "MS3",
                "High Speed Rail (London–West Midlands) Act receives Royal Assent",
                "2016-12-31",
                2,
                False,
            ),
            Milestone("MS4", "Main civil engineering contracts awarded", "2017-07-31", 0, False),
            Milestone("MS5", "Phase 2a hybrid Bill deposited", "2017-07-31", 0, False),
        ),
        path="improving",
        measure=None,
    ),
    Commitment(
        code="M29",
        title="Superfast broadband for 95% of premises",
        text=(
            "We will make sure superfast broadband reaches 95% of UK premises by the end of "
            "2017, and introduce a universal service obligation so that everyone can request a "
            "decent connection."
        ),
        theme="Infrastructure",
        lead_organisations=("DCMS",),
        supporting_organisations=("BDUK",),
        lead_people=("dcms_mos_digital", "bduk_ceo"),
        supporting_people=(),
        deadline="by the end of 2017",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Superfast extension contracts signed in every area", "2015-12-31", 3, True
            ),
            Milestone(
                "MS2", "90% of UK premises can get superfast broadband", "2016-03-31", 0, True
            ),
            Milestone(
                "MS3",
                "Consultation on a broadband universal service obligation",
                "2016-04-30",
                0,
                True,
            ),
            Milestone(
                "MS4", "95% of UK premises can get superfast broadband", "2017-12-31", 0, False
            ),
        ),
        path="on_track",
        measure="BB-SUPERFAST",
    ),
    Commitment(
        code="M30",
        title="Road Investment Strategy",
        text=(
            "We will deliver the £15 billion Road Investment Strategy, the biggest upgrade to "
            "our roads in a generation, through a new government-owned strategic highways "
            "company."
        ),
        theme="Infrastructure",
        lead_organisations=("DfT",),
        supporting_organisations=("HMT",),
        lead_people=("dft_sos",),
        supporting_people=(),
        deadline="by March 2020",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone("MS1", "Highways England established", "2015-04-01", 0, True),
            Milestone(
                "MS2", "Highways England delivery plan 2015–2020 published", "2015-08-31", 0, True
            ),
            Milestone(
                "MS3",
                "Works start on the A14 Cambridge to Huntingdon scheme",
                "2016-11-30",
                0,
                True,
            ),
            Milestone(
                "MS4", "Second Road Investment Strategy (2020–25) published", "2019-12-31", 0, False
            ),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M31",
        title="Smart meters for every home",
        text=(
            "Every home and small business in Great Britain will be offered a smart meter by "
            "the end of 2020, helping people to control their energy use and bills."
        ),
        theme="Infrastructure",
        lead_organisations=("DECC",),
        supporting_organisations=(),
        lead_people=("decc_mos_energy", "decc_sro_smart"),
        supporting_people=(),
        deadline="by the end of 2020",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Data and Communications Company services go live", "2016-04-30", 6, True
            ),
            Milestone("MS2", "Second-generation meters installed at scale", "2017-03-31", 6, False),
            Milestone(
                "MS3",
                "Smart meter offered to every home and small business",
                "2020-12-31",
                0,
                False,
            ),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="M32",
        title="End new subsidies for onshore wind",
        text=(
            "We will end any new public subsidy for onshore wind farms and change the law so "
            "that local people have the final say on onshore wind farm applications."
        ),
        theme="Infrastructure",
        lead_organisations=("DECC",),
        supporting_organisations=("DCLG",),
        lead_people=("decc_sos",),
        supporting_people=("decc_mos_energy",),
        deadline="Spring 2016",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Early closure of the Renewables Obligation to onshore wind announced",
                "2015-06-18",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Planning guidance gives local people the final say",
                "2015-06-18",
                0,
                True,
            ),
            Milestone("MS3", "Energy Act 2016 receives Royal Assent", "2016-05-12", 0, True),
        ),
        path="delivered",
        measure=None,
    ),
    # Devolution -------------------------------------------------------------------------------
    Commitment(
        code="M33",
        title="Northern Powerhouse",
        text=(
            "We will build a Northern Powerhouse: better transport links between the great "
            "cities of the North, a statutory Transport for the North, and investment in "
            "science, skills and enterprise across the region."
        ),
        theme="Devolution",
        lead_organisations=("HMT",),
        supporting_organisations=("DCLG", "DfT", "BIS"),
        lead_people=("hmt_comsec",),
        supporting_people=("dclg_pus_growth", "dft_mos"),
        deadline="Ongoing",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Northern Transport Strategy spring report published", "2016-03-31", 0, True
            ),
            Milestone("MS2", "Northern Powerhouse Strategy published", "2016-11-24", 0, True),
            Milestone(
                "MS3", "Northern Powerhouse Investment Fund launched", "2017-02-28", 0, False
            ),
            Milestone(
                "MS4",
                "Transport for the North becomes a statutory body",
                "2017-12-31",
                3,
                False,
            ),
        ),
        path="improving",
        measure=None,
    ),
    Commitment(
        code="M34",
        title="Devolution deals and metro mayors",
        text=(
            "We will devolve powers and budgets to cities and areas that agree to have a "
            "directly elected metro mayor, with the first mayoral elections in May 2017."
        ),
        theme="Devolution",
        lead_organisations=("DCLG", "HMT"),
        supporting_organisations=("BIS", "DfT"),
        lead_people=("dclg_pus_growth", "hmt_comsec", "dclg_sro_clgu"),
        supporting_people=("bis_sos",),
        deadline="May 2017",
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Cities and Local Government Devolution Act receives Royal Assent",
                "2016-01-28",
                0,
                True,
            ),
            Milestone("MS2", "Devolution deals agreed with ten areas", "2016-03-31", 0, True),
            Milestone(
                "MS3",
                "Mayoral combined authority orders made for six areas",
                "2017-01-31",
                1,
                False,
            ),
            Milestone("MS4", "First metro mayor elections held", "2017-05-04", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    Commitment(
        code="M35",
        title="100% business rates retention",
        text=(
            "By the end of this Parliament councils will keep 100% of the business rates they "
            "raise, with the main local government grant phased out and new responsibilities "
            "devolved."
        ),
        theme="Devolution",
        lead_organisations=("DCLG",),
        supporting_organisations=("HMT",),
        lead_people=("dclg_sos", "dclg_dir_lgf"),
        supporting_people=("hmt_dg_spending",),
        deadline="by the end of this Parliament",
        priority_tier=2,
        published=False,
        parent=None,
        milestones=(
            Milestone("MS1", "100% business rates retention announced", "2015-10-05", 0, True),
            Milestone(
                "MS2", "Consultation on business rates retention published", "2016-07-05", 0, True
            ),
            Milestone("MS3", "Local Government Finance Bill introduced", "2017-01-31", 0, False),
            Milestone(
                "MS4", "100% retention piloted in devolution deal areas", "2017-04-01", 0, False
            ),
            Milestone("MS5", "100% retention in place in every council", "2019-04-01", 0, False),
        ),
        path="at_risk",
        measure=None,
    ),
    Commitment(
        code="M36",
        title="Growth Deals with every Local Enterprise Partnership",
        text=(
            "We will keep putting money in local hands through Growth Deals with all 39 Local "
            "Enterprise Partnerships, funded from the £12 billion Local Growth Fund."
        ),
        theme="Devolution",
        lead_organisations=("BIS", "DCLG"),
        supporting_organisations=("HMT", "DfT"),
        lead_people=("bis_sos", "dclg_pus_growth", "dclg_sro_clgu"),
        supporting_people=(),
        deadline="2016/17",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Spending Review confirms the Local Growth Fund for the Parliament",
                "2015-11-25",
                0,
                True,
            ),
            Milestone(
                "MS2",
                "Local Growth Fund allocations for 2016/17 confirmed to every LEP",
                "2016-03-31",
                0,
                True,
            ),
            Milestone(
                "MS3", "Review of LEP governance and transparency completed", "2016-10-31", 0, True
            ),
        ),
        path="delivered",
        measure=None,
    ),
    # Environment ------------------------------------------------------------------------------
    Commitment(
        code="M37",
        title="25-year environment plan",
        text=(
            "We will publish a 25-year plan to restore the biodiversity of our country, and "
            "be the first generation to leave the natural environment in a better state than "
            "we found it."
        ),
        theme="Environment",
        lead_organisations=("DEFRA",),
        supporting_organisations=("EA",),
        lead_people=("defra_sos",),
        supporting_people=("defra_pus",),
        deadline="Q3 2016",
        priority_tier=3,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1", "Scope and framework agreed by the Secretary of State", "2015-12-31", 0, True
            ),
            Milestone("MS2", "Draft plan published for consultation", "2016-07-31", 6, False),
            Milestone("MS3", "25-year environment plan published", "2017-03-31", 6, False),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="M38",
        title="Flood defences",
        text=(
            "We will invest £2.3 billion in 1,500 flood defence schemes over six years, "
            "better protecting 300,000 homes by 2021."
        ),
        theme="Environment",
        lead_organisations=("DEFRA",),
        supporting_organisations=("EA", "HMT"),
        lead_people=("defra_pus", "defra_sro_flood"),
        supporting_people=(),
        deadline="by 2021",
        priority_tier=2,
        published=True,
        parent=None,
        milestones=(
            Milestone(
                "MS1",
                "Further £700 million for flood defences at Budget 2016",
                "2016-03-16",
                0,
                True,
            ),
            Milestone("MS2", "National Flood Resilience Review published", "2016-09-08", 0, True),
            Milestone("MS3", "150,000 more homes better protected", "2018-03-31", 0, False),
            Milestone(
                "MS4",
                "300,000 homes better protected and 1,500 schemes complete",
                "2021-03-31",
                0,
                False,
            ),
        ),
        path="on_track",
        measure=None,
    ),
)


# ---------------------------------------------------------------------------------------------
# 4. Implementation taskforces
# ---------------------------------------------------------------------------------------------

TASKFORCES: tuple[Taskforce, ...] = (
    Taskforce(
        code="ITF-APP",
        name="Apprenticeships implementation taskforce",
        remit=(
            "Drive progress towards three million apprenticeship starts, and clear the "
            "blockages across departments: the levy, the public sector target and the "
            "quality of new standards."
        ),
        chair="bis_sos",
        member_organisations=("BIS", "DfE", "DWP", "HMT", "CO", "SFA", "IU"),
        member_people=(
            "bis_mos_skills",
            "dfe_sos",
            "bis_sro_apprenticeships",
            "sfa_ceo",
            "dwp_mos_emp",
            "iu_dd_growth",
        ),
        commitments=("M01", "M01a"),
    ),
    Taskforce(
        code="ITF-HSG",
        name="Housing implementation taskforce",
        remit=(
            "Get more homes built, faster: unblock land, planning and infrastructure for one "
            "million new homes, starter homes and the extension of the Right to Buy."
        ),
        chair="dclg_sos",
        member_organisations=("DCLG", "HMT", "HCA", "CO", "IU"),
        member_people=(
            "dclg_mos_housing",
            "hmt_cst",
            "dclg_dg_housing",
            "hca_ceo",
            "iu_dd_growth",
        ),
        commitments=("M12", "M13", "M14"),
    ),
)


# ---------------------------------------------------------------------------------------------
# 5. Haringey Corporate Plan 2015-18, as tracked by the Corporate Delivery Unit
# ---------------------------------------------------------------------------------------------

COUNCIL_PLAN = Programme(
    code="HGY-CP",
    title="Haringey Corporate Plan 2015–18",
    kind="corporate_plan",
    owner="HGY",
    source_document="Building a Stronger Haringey Together: Corporate Plan 2015–18",
    start_date=date(2015, 4, 1),
    end_date=date(2018, 3, 31),
    area="E09000014",
    description=(
        "The council's five priorities for 2015–18. The Corporate Delivery Unit agrees "
        "trajectories with each service, runs priority reviews where delivery is stuck, and "
        "prepares delivery summaries for cabinet members."
    ),
)

_OBJECTIVE_DEADLINE = "by March 2018"

COUNCIL_COMMITMENTS: tuple[Commitment, ...] = (
    # Priority 1 -------------------------------------------------------------------------------
    Commitment(
        code="P1",
        title="Priority 1: Outstanding for all: children and young people",
        text=(
            "Enable every child and young person to have the best start in life, with high "
            "quality education."
        ),
        theme="Education and skills",
        lead_organisations=("HGY",),
        supporting_organisations=("HGY-CYP",),
        lead_people=("hgy_cm_children",),
        supporting_people=("hgy_dcs",),
        deadline=_OBJECTIVE_DEADLINE,
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(),
        path=None,
        measure=None,
    ),
    Commitment(
        code="P1.1",
        title="Free early education for two-year-olds",
        text=(
            "Increase take-up of free early education by eligible two-year-olds to 80% by "
            "March 2018, reaching more families in Tottenham through children's centres and "
            "health visitors."
        ),
        theme="Education and skills",
        lead_organisations=("HGY-CYP",),
        supporting_organisations=("HGY-PH",),
        lead_people=("hgy_cm_children", "hgy_dcs"),
        supporting_people=("hgy_dph",),
        deadline="by March 2018",
        priority_tier=2,
        published=True,
        parent="P1",
        milestones=(
            Milestone("MS1", "Outreach worker in every children's centre", "2015-09-30", 0, True),
            Milestone(
                "MS2", "Monthly DWP lists of eligible families in use", "2016-01-31", 3, True
            ),
            Milestone("MS3", "70% take-up reached", "2017-09-30", 0, False),
            Milestone("MS4", "80% take-up reached", "2018-03-31", 0, False),
        ),
        path="improving",
        measure=None,
    ),
    Commitment(
        code="P1.2",
        title="Fewer young people entering the youth justice system",
        text=(
            "Reduce first-time entrants to the youth justice system aged 10 to 17 by 20% by "
            "March 2018, through early help, youth triage and joint work with the police."
        ),
        theme="Crime and justice",
        lead_organisations=("HGY-CYP", "HGY-CSP"),
        supporting_organisations=("MPS",),
        lead_people=("hgy_cm_children", "hgy_cm_communities"),
        supporting_people=("hgy_yos", "mps_bc"),
        deadline="by March 2018",
        priority_tier=2,
        published=True,
        parent="P1",
        milestones=(
            Milestone("MS1", "Priority review of youth offending completed", "2015-10-31", 0, True),
            Milestone("MS2", "Youth triage offered on every first arrest", "2016-04-30", 0, True),
            Milestone(
                "MS3", "Joint gangs and youth violence panel with the police", "2016-09-30", 0, True
            ),
            Milestone("MS4", "First-time entrants down 20% on 2014/15", "2018-03-31", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    # Priority 2 -------------------------------------------------------------------------------
    Commitment(
        code="P2",
        title="Priority 2: Safety and wellbeing for all",
        text="Enable all adults to live healthy, long and fulfilling lives.",
        theme="Health and care",
        lead_organisations=("HGY",),
        supporting_organisations=("HGY-ASC", "HGY-PH"),
        lead_people=("hgy_cm_health",),
        supporting_people=("hgy_das", "hgy_dph"),
        deadline=_OBJECTIVE_DEADLINE,
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(),
        path=None,
        measure=None,
    ),
    Commitment(
        code="P2.1",
        title="Independence after hospital",
        text=(
            "Help more older people live independently: 90% of those discharged from "
            "hospital into reablement still at home 91 days later, and fewer permanent "
            "admissions to residential care."
        ),
        theme="Health and care",
        lead_organisations=("HGY-ASC",),
        supporting_organisations=("HGY-HSG",),
        lead_people=("hgy_cm_health", "hgy_das"),
        supporting_people=(),
        deadline="by March 2018",
        priority_tier=2,
        published=True,
        parent="P2",
        milestones=(
            Milestone("MS1", "Integrated reablement service launched", "2015-12-31", 3, True),
            Milestone(
                "MS2", "Better Care Fund plan 2016/17 agreed with the CCG", "2016-04-30", 2, True
            ),
            Milestone("MS3", "New extra-care housing scheme opens", "2017-01-31", 6, False),
            Milestone("MS4", "90% still at home 91 days after discharge", "2018-03-31", 0, False),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="P2.2",
        title="Healthier, more active residents",
        text=(
            "Halt the rise in excess weight among Year 6 children and increase the share of "
            "adults who are physically active, narrowing the gap between the east and west of "
            "the borough."
        ),
        theme="Health and care",
        lead_organisations=("HGY-PH",),
        supporting_organisations=("HGY-CYP", "HGY-ENV"),
        lead_people=("hgy_cm_health", "hgy_dph"),
        supporting_people=(),
        deadline="by March 2018",
        priority_tier=3,
        published=True,
        parent="P2",
        milestones=(
            Milestone("MS1", "Health and Wellbeing Strategy 2015–18 agreed", "2015-07-31", 0, True),
            Milestone(
                "MS2", "Healthy schools programme in every Tottenham primary", "2016-07-31", 0, True
            ),
            Milestone("MS3", "Outdoor gyms open in ten parks", "2017-06-30", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    # Priority 3 -------------------------------------------------------------------------------
    Commitment(
        code="P3",
        title="Priority 3: A clean, well maintained and safe borough",
        text=("A clean, well maintained and safe borough where people are proud to live and work."),
        theme="Environment",
        lead_organisations=("HGY",),
        supporting_organisations=("HGY-ENV", "HGY-CSP"),
        lead_people=("hgy_cm_environment",),
        supporting_people=("hgy_cm_communities",),
        deadline=_OBJECTIVE_DEADLINE,
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(),
        path=None,
        measure=None,
    ),
    Commitment(
        code="P3.1",
        title="Household recycling to 40%",
        text=(
            "Increase the household recycling rate to 40% by March 2018, with fortnightly "
            "residual collections, recycling on every estate and a drive against contamination "
            "in flats above shops."
        ),
        theme="Environment",
        lead_organisations=("HGY-ENV",),
        supporting_organisations=("HFH",),
        lead_people=("hgy_cm_environment", "hgy_ad_env"),
        supporting_people=("hfh_ceo",),
        deadline="by March 2018",
        priority_tier=1,
        published=True,
        parent="P3",
        milestones=(
            Milestone("MS1", "Priority review of recycling completed", "2015-06-30", 0, True),
            Milestone(
                "MS2", "Fortnightly residual waste collections borough-wide", "2015-10-05", 0, True
            ),
            Milestone(
                "MS3", "Recycling bins on every Homes for Haringey estate", "2016-09-30", 3, False
            ),
            Milestone("MS4", "Household recycling rate reaches 40%", "2018-03-31", 0, False),
        ),
        path="improving",
        measure="HGY-RECYCLING",
    ),
    Commitment(
        code="P3.2",
        title="Cleaner streets",
        text=(
            "Cut fly-tipping and litter so that no more than 7% of streets fall below an "
            "acceptable standard of cleanliness, backed by tougher enforcement."
        ),
        theme="Environment",
        lead_organisations=("HGY-ENV",),
        supporting_organisations=("HFH",),
        lead_people=("hgy_cm_environment", "hgy_ad_env"),
        supporting_people=("hgy_head_cs",),
        deadline="Ongoing",
        priority_tier=2,
        published=True,
        parent="P3",
        milestones=(
            Milestone("MS1", "Cleansing schedules revised for high streets", "2015-09-30", 0, True),
            Milestone(
                "MS2", "Fly-tipping enforcement extended to every ward", "2016-06-30", 4, True
            ),
            Milestone("MS3", "Cameras at 20 fly-tipping hotspots", "2017-03-31", 3, False),
        ),
        path="recovering",
        measure=None,
    ),
    Commitment(
        code="P3.3",
        title="Reduce violence and gang crime",
        text=(
            "Reduce violence with injury and gang-related offending, with the council and the "
            "Metropolitan Police working together through the Community Safety Partnership."
        ),
        theme="Crime and justice",
        lead_organisations=("HGY-CSP", "MPS"),
        supporting_organisations=("HGY-CYP",),
        lead_people=("csp_chair", "mps_bc"),
        supporting_people=("hgy_cm_communities", "hgy_head_cs"),
        deadline="by March 2018",
        priority_tier=1,
        published=True,
        parent="P3",
        milestones=(
            Milestone(
                "MS1", "Partnership plan refreshed with MOPAC priorities", "2015-09-30", 0, True
            ),
            Milestone(
                "MS2", "Gangs unit co-located with the police in Tottenham", "2016-03-31", 6, True
            ),
            Milestone("MS3", "Violence with injury down 10% on 2014/15", "2017-03-31", 0, False),
            Milestone("MS4", "Evaluation of gangs interventions published", "2018-01-31", 0, False),
        ),
        path="at_risk",
        measure=None,
    ),
    # Priority 4 -------------------------------------------------------------------------------
    Commitment(
        code="P4",
        title="Priority 4: Sustainable housing, growth and employment",
        text="Drive growth and employment from which everyone can benefit.",
        theme="Economy and jobs",
        lead_organisations=("HGY",),
        supporting_organisations=("HGY-REG",),
        lead_people=("hgy_cm_regen",),
        supporting_people=("hgy_dir_regen",),
        deadline=_OBJECTIVE_DEADLINE,
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(),
        path=None,
        measure=None,
    ),
    Commitment(
        code="P4.1",
        title="1,000 new homes in Tottenham",
        text=(
            "Complete 1,000 new homes in Tottenham by March 2018 as the first phase of the "
            "Tottenham regeneration programme, with a new district centre at Tottenham Hale."
        ),
        theme="Housing",
        lead_organisations=("HGY-REG",),
        supporting_organisations=("HGY-HSG",),
        lead_people=("hgy_cm_regen", "hgy_dir_regen"),
        supporting_people=(),
        deadline="by March 2018",
        priority_tier=1,
        published=True,
        parent="P4",
        milestones=(
            Milestone(
                "MS1", "Tottenham Hale district centre framework adopted", "2015-12-31", 0, True
            ),
            Milestone(
                "MS2", "Tottenham Area Action Plan submitted for examination", "2016-01-31", 3, True
            ),
            Milestone("MS3", "First 500 homes completed", "2017-03-31", 6, False),
            Milestone("MS4", "1,000 homes completed", "2018-03-31", 0, False),
        ),
        path="slipping",
        measure=None,
    ),
    Commitment(
        code="P4.2",
        title="Residents into work",
        text=(
            "Support 1,500 residents into work by March 2018, focusing on Northumberland Park "
            "and on people who have been out of work for a long time."
        ),
        theme="Economy and jobs",
        lead_organisations=("HGY-REG",),
        supporting_organisations=("JCP",),
        lead_people=("hgy_cm_regen",),
        supporting_people=("hgy_dir_regen", "jcp_dir"),
        deadline="by March 2018",
        priority_tier=2,
        published=True,
        parent="P4",
        milestones=(
            Milestone(
                "MS1",
                "Employment and skills partnership with Jobcentre Plus",
                "2015-11-30",
                0,
                True,
            ),
            Milestone("MS2", "750 residents supported into work", "2016-09-30", 2, True),
            Milestone("MS3", "1,500 residents supported into work", "2018-03-31", 0, False),
        ),
        path="on_track",
        measure=None,
    ),
    # Priority 5 -------------------------------------------------------------------------------
    Commitment(
        code="P5",
        title="Priority 5: Homes and communities",
        text=("Create homes and communities where people choose to live and are able to thrive."),
        theme="Housing",
        lead_organisations=("HGY",),
        supporting_organisations=("HGY-HSG", "HFH"),
        lead_people=("hgy_cm_housing",),
        supporting_people=("hfh_ceo",),
        deadline=_OBJECTIVE_DEADLINE,
        priority_tier=1,
        published=True,
        parent=None,
        milestones=(),
        path=None,
        measure=None,
    ),
    Commitment(
        code="P5.1",
        title="Housing repairs completed on time",
        text=(
            "Complete 97% of repairs to council homes within target time, and raise tenants' "
            "satisfaction with the repairs service."
        ),
        theme="Housing",
        lead_organisations=("HFH",),
        supporting_organisations=("HGY-HSG",),
        lead_people=("hgy_cm_housing", "hfh_ceo"),
        supporting_people=(),
        deadline="by March 2018",
        priority_tier=1,
        published=True,
        parent="P5",
        milestones=(
            Milestone("MS1", "Priority review of repairs completed", "2015-05-31", 0, True),
            Milestone("MS2", "Mobile working for every repairs operative", "2015-12-31", 2, True),
            Milestone("MS3", "Single repairs contact centre opens", "2016-06-30", 0, True),
            Milestone("MS4", "97% on time sustained for six months", "2017-09-30", 0, False),
        ),
        path="improving",
        measure="HGY-REPAIRS",
    ),
    Commitment(
        code="P5.2",
        title="Fewer households in temporary accommodation",
        text=(
            "Reduce the number of households in temporary accommodation from around 3,000 to "
            "2,600 by March 2018, by preventing homelessness earlier and finding more homes "
            "to rent privately."
        ),
        theme="Housing",
        lead_organisations=("HGY-HSG",),
        supporting_organisations=("HFH",),
        lead_people=("hgy_cm_housing", "hgy_ad_housing"),
        supporting_people=(),
        deadline="by March 2018",
        priority_tier=1,
        published=True,
        parent="P5",
        milestones=(
            Milestone(
                "MS1", "Priority review of homelessness prevention completed", "2015-11-30", 0, True
            ),
            Milestone(
                "MS2", "Council lettings agency for private landlords opens", "2016-04-30", 6, True
            ),
            Milestone(
                "MS3", "Temporary accommodation down to 2,800 households", "2017-03-31", 0, False
            ),
            Milestone(
                "MS4", "Temporary accommodation down to 2,600 households", "2018-03-31", 0, False
            ),
        ),
        path="at_risk",
        measure="HGY-TA",
    ),
    Commitment(
        code="P5.3",
        title="Estate renewal with residents",
        text=(
            "Agree renewal plans for Northumberland Park and High Road West with residents, "
            "with a guaranteed right to return for secure council tenants."
        ),
        theme="Housing",
        lead_organisations=("HGY-REG", "HGY-HSG"),
        supporting_organisations=("HFH",),
        lead_people=("hgy_cm_housing", "hgy_cm_regen"),
        supporting_people=("hgy_dir_regen", "hfh_ceo"),
        deadline="2016/17",
        priority_tier=2,
        published=False,
        parent="P5",
        milestones=(
            Milestone("MS1", "High Road West masterplan framework approved", "2015-12-31", 0, True),
            Milestone("MS2", "Residents' charter for estate renewal agreed", "2016-03-31", 2, True),
            Milestone("MS3", "Northumberland Park consultation completed", "2016-12-31", 6, False),
            Milestone("MS4", "Development partner selected", "2017-12-31", 0, False),
        ),
        path="slipping",
        measure=None,
    ),
)


# ---------------------------------------------------------------------------------------------
# 6 and 7. Areas (real GSS codes)
# ---------------------------------------------------------------------------------------------

_ENGLAND = "E92000001"
_NE = "E12000001"
_NW = "E12000002"
_YH = "E12000003"
_EM = "E12000004"
_WM = "E12000005"
_EE = "E12000006"
_LDN = "E12000007"
_SE = "E12000008"
_SW = "E12000009"

REGIONS: tuple[Area, ...] = (
    Area(code=_ENGLAND, name="England", level="nation", parent=None),
    Area(code=_NE, name="North East", level="region", parent=_ENGLAND),
    Area(code=_NW, name="North West", level="region", parent=_ENGLAND),
    Area(code=_YH, name="Yorkshire and The Humber", level="region", parent=_ENGLAND),
    Area(code=_EM, name="East Midlands", level="region", parent=_ENGLAND),
    Area(code=_WM, name="West Midlands", level="region", parent=_ENGLAND),
    Area(code=_EE, name="East of England", level="region", parent=_ENGLAND),
    Area(code=_LDN, name="London", level="region", parent=_ENGLAND),
    Area(code=_SE, name="South East", level="region", parent=_ENGLAND),
    Area(code=_SW, name="South West", level="region", parent=_ENGLAND),
)


def _la(code: str, name: str, region: str) -> Area:
    return Area(code=code, name=name, level="local_authority", parent=region)


LOCAL_AUTHORITIES: tuple[Area, ...] = (
    # London: all 33 boroughs, including the City of London
    _la("E09000001", "City of London", _LDN),
    _la("E09000002", "Barking and Dagenham", _LDN),
    _la("E09000003", "Barnet", _LDN),
    _la("E09000004", "Bexley", _LDN),
    _la("E09000005", "Brent", _LDN),
    _la("E09000006", "Bromley", _LDN),
    _la("E09000007", "Camden", _LDN),
    _la("E09000008", "Croydon", _LDN),
    _la("E09000009", "Ealing", _LDN),
    _la("E09000010", "Enfield", _LDN),
    _la("E09000011", "Greenwich", _LDN),
    _la("E09000012", "Hackney", _LDN),
    _la("E09000013", "Hammersmith and Fulham", _LDN),
    _la("E09000014", "Haringey", _LDN),
    _la("E09000015", "Harrow", _LDN),
    _la("E09000016", "Havering", _LDN),
    _la("E09000017", "Hillingdon", _LDN),
    _la("E09000018", "Hounslow", _LDN),
    _la("E09000019", "Islington", _LDN),
    _la("E09000020", "Kensington and Chelsea", _LDN),
    _la("E09000021", "Kingston upon Thames", _LDN),
    _la("E09000022", "Lambeth", _LDN),
    _la("E09000023", "Lewisham", _LDN),
    _la("E09000024", "Merton", _LDN),
    _la("E09000025", "Newham", _LDN),
    _la("E09000026", "Redbridge", _LDN),
    _la("E09000027", "Richmond upon Thames", _LDN),
    _la("E09000028", "Southwark", _LDN),
    _la("E09000029", "Sutton", _LDN),
    _la("E09000030", "Tower Hamlets", _LDN),
    _la("E09000031", "Waltham Forest", _LDN),
    _la("E09000032", "Wandsworth", _LDN),
    _la("E09000033", "Westminster", _LDN),
    # North East
    _la("E08000021", "Newcastle upon Tyne", _NE),
    _la("E08000024", "Sunderland", _NE),
    _la("E08000037", "Gateshead", _NE),
    _la("E06000002", "Middlesbrough", _NE),
    _la("E06000047", "County Durham", _NE),
    # North West
    _la("E08000003", "Manchester", _NW),
    _la("E08000012", "Liverpool", _NW),
    _la("E08000006", "Salford", _NW),
    _la("E08000001", "Bolton", _NW),
    _la("E06000009", "Blackpool", _NW),
    # Yorkshire and The Humber (Sheffield: E08000019 until the April 2025 recode)
    _la("E08000035", "Leeds", _YH),
    _la("E08000039", "Sheffield", _YH),
    _la("E08000032", "Bradford", _YH),
    _la("E06000010", "Kingston upon Hull, City of", _YH),
    _la("E06000014", "York", _YH),
    # East Midlands
    _la("E06000018", "Nottingham", _EM),
    _la("E06000016", "Leicester", _EM),
    _la("E06000015", "Derby", _EM),
    _la("E07000138", "Lincoln", _EM),
    # West Midlands
    _la("E08000025", "Birmingham", _WM),
    _la("E08000026", "Coventry", _WM),
    _la("E08000031", "Wolverhampton", _WM),
    _la("E08000028", "Sandwell", _WM),
    _la("E06000021", "Stoke-on-Trent", _WM),
    # East of England
    _la("E07000148", "Norwich", _EE),
    _la("E07000008", "Cambridge", _EE),
    _la("E07000202", "Ipswich", _EE),
    _la("E06000031", "Peterborough", _EE),
    _la("E06000032", "Luton", _EE),
    _la("E06000033", "Southend-on-Sea", _EE),
    # South East
    _la("E06000043", "Brighton and Hove", _SE),
    _la("E06000045", "Southampton", _SE),
    _la("E06000044", "Portsmouth", _SE),
    _la("E07000178", "Oxford", _SE),
    _la("E06000042", "Milton Keynes", _SE),
    _la("E06000038", "Reading", _SE),
    # South West
    _la("E06000023", "Bristol, City of", _SW),
    _la("E06000026", "Plymouth", _SW),
    _la("E06000052", "Cornwall", _SW),
    _la("E07000041", "Exeter", _SW),
    _la("E06000030", "Swindon", _SW),
)

# Haringey's 2002-2022 wards (Tottenham Green, Northumberland Park, Bruce Grove, Noel Park,
# Crouch End, Muswell Hill, Hornsey, Highgate...) are left out: their E05 codes could not be
# confirmed, and a wrong official code is worse than none. Add them with verified codes.
HARINGEY_WARDS: tuple[Area, ...] = ()


# ---------------------------------------------------------------------------------------------
# 8. Measures (illustrative data)
# ---------------------------------------------------------------------------------------------

_ILLUSTRATIVE = "Illustrative data generated for the demo"
_ALL_LEVELS: tuple[AreaLevel, ...] = ("nation", "region", "local_authority")
_HARINGEY = ("E09000014",)

MEASURES: tuple[Measure, ...] = (
    Measure(
        code="APP-STARTS",
        name="Apprenticeship starts",
        definition=(
            "Number of people starting an apprenticeship in the month, by the learner's home "
            "local authority. All ages and levels."
        ),
        unit="count",
        direction="higher",
        frequency="monthly",
        source=f"{_ILLUSTRATIVE} (shape modelled on BIS/SFA apprenticeship starts statistics)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="sum",
        tolerance_pct=5.0,
        baseline_value=128.0,
        target_value=155.0,
        baseline_date=date(2015, 5, 1),
        target_date=date(2020, 3, 31),
        trajectory="seasonal",
        noise=0.12,
        evidences=(Evidence("M01", 1.0), Evidence("M01a", 0.3)),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "Counts starts, not completions or quality; existing staff converted onto an "
                "apprenticeship count the same as new recruits. Pair with achievement rates."
            ),
        ),
    ),
    Measure(
        code="FS-OPEN",
        name="Free schools open",
        definition=(
            "Cumulative number of free schools (including university technical colleges and "
            "studio schools) open in the local authority at the end of the quarter."
        ),
        unit="count",
        direction="higher",
        frequency="quarterly",
        source=f"{_ILLUSTRATIVE} (shape modelled on DfE free school openings)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="sum",
        tolerance_pct=5.0,
        baseline_value=1.7,
        target_value=5.0,
        baseline_date=date(2015, 5, 1),
        target_date=date(2020, 9, 1),
        trajectory="stepped",
        noise=0.03,
        evidences=(Evidence("M02", 1.0),),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "Openings lag approval by two years or more; track the pipeline (approved, "
                "site secured, opened) for early warning."
            ),
        ),
    ),
    Measure(
        code="SH-COMPLETIONS",
        name="Starter homes completed",
        definition=(
            "Number of homes completed in the quarter that meet the statutory starter home "
            "definition: new build, sold to a first-time buyer under 40 at a 20% discount."
        ),
        unit="count",
        direction="higher",
        frequency="quarterly",
        source=(
            f"{_ILLUSTRATIVE} (no official series existed; shape modelled on DCLG housing "
            "supply statistics)"
        ),
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="sum",
        tolerance_pct=10.0,
        baseline_value=0.0,
        target_value=38.0,
        baseline_date=date(2016, 4, 1),
        target_date=date(2020, 3, 31),
        trajectory="s_curve",
        noise=0.3,
        evidences=(Evidence("M12", 1.0), Evidence("M13", 0.2)),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=True,
            robust=False,
            integrated=False,
            cost_effective=False,
            note=(
                "The product awaits regulations, so there is no agreed definition to count "
                "against; figures would depend on developer returns to the HCA."
            ),
        ),
    ),
    Measure(
        code="GP-EXT-ACCESS",
        name="Population with extended access to GP services",
        definition=(
            "Percentage of registered patients with access to pre-bookable routine GP "
            "appointments in the evening (to 8pm) and at weekends."
        ),
        unit="percent",
        direction="higher",
        frequency="quarterly",
        source=f"{_ILLUSTRATIVE} (shape modelled on NHS England's extended access survey)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="mean",
        tolerance_pct=5.0,
        baseline_value=17.0,
        target_value=100.0,
        baseline_date=date(2015, 6, 30),
        target_date=date(2019, 3, 31),
        trajectory="s_curve",
        noise=0.1,
        evidences=(Evidence("M05b", 1.0), Evidence("M05", 0.5)),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=False,
            integrated=True,
            cost_effective=True,
            note=(
                "Self-reported by CCGs; a population counts as covered when a hub serves it, "
                "whether or not the appointments are used."
            ),
        ),
    ),
    Measure(
        code="AE-4HR",
        name="A&E attendances within four hours",
        definition=(
            "Percentage of A&E attendances (all types) admitted, transferred or discharged "
            "within four hours of arrival."
        ),
        unit="percent",
        direction="higher",
        frequency="monthly",
        source=f"{_ILLUSTRATIVE} (shape modelled on NHS England A&E attendances statistics)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="mean",
        tolerance_pct=1.0,
        baseline_value=93.5,
        target_value=95.0,
        baseline_date=date(2015, 5, 1),
        target_date=date(2018, 3, 31),
        trajectory="seasonal",
        noise=0.015,
        evidences=(Evidence("M06", 1.0), Evidence("M10", 0.3)),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "All types combined masks pressure in major (type 1) departments; read with "
                "12-hour trolley waits and ambulance handover delays."
            ),
        ),
    ),
    Measure(
        code="CANCER-62",
        name="Cancer treatment within 62 days of urgent referral",
        definition=(
            "Percentage of patients starting first definitive treatment for cancer within 62 "
            "days of an urgent GP referral for suspected cancer."
        ),
        unit="percent",
        direction="higher",
        frequency="monthly",
        source=f"{_ILLUSTRATIVE} (shape modelled on NHS England cancer waiting times)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="mean",
        tolerance_pct=1.5,
        baseline_value=83.0,
        target_value=85.0,
        baseline_date=date(2015, 5, 1),
        target_date=date(2017, 3, 31),
        trajectory="linear",
        noise=0.03,
        evidences=(Evidence("M07", 1.0),),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=True,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "Small monthly numbers make local figures volatile; use rolling quarters in "
                "league tables."
            ),
        ),
    ),
    Measure(
        code="TF-OUTCOMES",
        name="Troubled families with successful outcomes",
        definition=(
            "Cumulative number of families for whom the council has claimed a successful "
            "outcome (significant and sustained progress, or continuous employment) since "
            "April 2015."
        ),
        unit="count",
        direction="higher",
        frequency="quarterly",
        source=f"{_ILLUSTRATIVE} (shape modelled on DCLG Troubled Families progress data)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="sum",
        tolerance_pct=10.0,
        baseline_value=0.0,
        target_value=2630.0,
        baseline_date=date(2015, 4, 1),
        target_date=date(2020, 3, 31),
        trajectory="s_curve",
        noise=0.1,
        evidences=(Evidence("M22", 1.0),),
        fabric=Fabric(
            focused=True,
            appropriate=False,
            balanced=True,
            robust=False,
            integrated=True,
            cost_effective=True,
            note=(
                "Payment-by-results claims are made by councils against locally set "
                "outcome plans and spot-checked; claims, not independent measurement."
            ),
        ),
    ),
    Measure(
        code="BB-SUPERFAST",
        name="Premises with superfast broadband available",
        definition=(
            "Percentage of residential and business premises able to receive broadband at "
            "24 Mbit/s or more."
        ),
        unit="percent",
        direction="higher",
        frequency="quarterly",
        source=f"{_ILLUSTRATIVE} (shape modelled on BDUK and Ofcom coverage data)",
        area_levels=_ALL_LEVELS,
        areas=(),
        aggregation="mean",
        tolerance_pct=2.0,
        baseline_value=83.0,
        target_value=95.0,
        baseline_date=date(2015, 5, 1),
        target_date=date(2017, 12, 31),
        trajectory="s_curve",
        noise=0.02,
        evidences=(Evidence("M29", 1.0),),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note="Measures availability modelled from supplier data, not take-up or speeds.",
        ),
    ),
    Measure(
        code="HGY-RECYCLING",
        name="Household waste recycled, reused or composted",
        definition=(
            "Percentage of household waste sent for reuse, recycling or composting "
            "(former NI 192), quarter by quarter."
        ),
        unit="percent",
        direction="higher",
        frequency="quarterly",
        source=f"{_ILLUSTRATIVE} (shape modelled on WasteDataFlow returns)",
        area_levels=("local_authority",),
        areas=_HARINGEY,
        aggregation="mean",
        tolerance_pct=2.0,
        baseline_value=36.5,
        target_value=40.0,
        baseline_date=date(2015, 4, 1),
        target_date=date(2018, 3, 31),
        trajectory="seasonal",
        noise=0.03,
        evidences=(Evidence("P3.1", 1.0),),
        reward=450_000,
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=True,
            robust=True,
            integrated=True,
            cost_effective=True,
            note="Garden waste lifts summer quarters; compare each quarter with a year earlier.",
        ),
    ),
    Measure(
        code="HGY-REPAIRS",
        name="Housing repairs completed on time",
        definition=(
            "Percentage of responsive repairs to council homes completed within the target "
            "time for their priority."
        ),
        unit="percent",
        direction="higher",
        frequency="monthly",
        source=f"{_ILLUSTRATIVE} (shape modelled on Homes for Haringey performance reports)",
        area_levels=("local_authority",),
        areas=_HARINGEY,
        aggregation="mean",
        tolerance_pct=1.0,
        baseline_value=91.0,
        target_value=97.0,
        baseline_date=date(2015, 4, 1),
        target_date=date(2018, 3, 31),
        trajectory="linear",
        noise=0.01,
        evidences=(Evidence("P5.1", 1.0),),
        reward=600_000,
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "Closing a job on time is not fixing it first time; read with repeat "
                "call-outs and tenant satisfaction."
            ),
        ),
    ),
    Measure(
        code="HGY-TA",
        name="Households in temporary accommodation",
        definition=(
            "Number of households in temporary accommodation arranged by the council under "
            "homelessness legislation, at the end of the month."
        ),
        unit="count",
        direction="lower",
        frequency="monthly",
        source=f"{_ILLUSTRATIVE} (shape modelled on DCLG P1E homelessness returns)",
        area_levels=("local_authority",),
        areas=_HARINGEY,
        aggregation="sum",
        tolerance_pct=3.0,
        baseline_value=3050.0,
        target_value=2600.0,
        baseline_date=date(2015, 4, 1),
        target_date=date(2018, 3, 31),
        trajectory="linear",
        noise=0.01,
        evidences=(Evidence("P5.2", 1.0),),
        fabric=Fabric(
            focused=True,
            appropriate=True,
            balanced=False,
            robust=True,
            integrated=True,
            cost_effective=True,
            note=(
                "A fall is good news only if prevention, not gatekeeping, drives it; read with "
                "homelessness acceptances and prevention cases."
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------------------------
# 9. Cross-cutting funds
# ---------------------------------------------------------------------------------------------

FUNDS: tuple[Fund, ...] = (
    Fund(
        code="LGF",
        name="Local Growth Fund",
        total=12_000_000_000,
        start_date=date(2015, 4, 1),
        end_date=date(2021, 3, 31),
        contributors=("BIS", "DCLG", "DfT", "HMT"),
        lines=(
            FundingLine("M36", 7_300_000_000),
            FundingLine("M33", 2_900_000_000),
            FundingLine("M34", 900_000_000),
        ),
        note=(
            "A single pot pooled from departmental budgets and paid out through Growth Deals. "
            "The total is the Parliament-long figure; the split between lines is illustrative."
        ),
    ),
    Fund(
        code="BCF",
        name="Better Care Fund 2015/16",
        total=5_300_000_000,
        start_date=date(2015, 4, 1),
        end_date=date(2016, 3, 31),
        contributors=("DH", "DCLG", "NHSE"),
        lines=(
            FundingLine("M10", 4_100_000_000),
            FundingLine("M06", 900_000_000),
        ),
        note=(
            "A budget pooled between the NHS and councils for integrated care; the line for "
            "the A&E standard stands for spending on delayed transfers of care. The split is "
            "illustrative."
        ),
    ),
)

PROGRAMMES: tuple[Programme, ...] = (MANIFESTO, COUNCIL_PLAN)

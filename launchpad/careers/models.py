"""Career knowledge base: tracks, roles, the ladder, skills, certifications and more.

Rows are loaded from `launchpad/content/careers/*.yaml` by `launchpad load-content` and are
editable in the admin. `sources` fields hold a list of {label, url, grade} objects.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _empty_list() -> list[object]:
    return []


class ContentModel(models.Model):
    """Shared shape of every content row: a stable slug, an order and its sources."""

    slug = models.SlugField(max_length=80, unique=True)
    sources = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        abstract = True


class Track(ContentModel):
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    voice = models.BooleanField(default=False)
    technical = models.BooleanField(default=False)
    summary = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    typical_tasks = models.JSONField(default=_empty_list, blank=True)
    who_fits = models.TextField(blank=True)
    entry_requirements = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("careers:track_detail", args=[self.slug])


class Skill(ContentModel):
    class Category(models.TextChoices):
        COMMUNICATION = "communication", _("Communication")
        TYPING = "typing", _("Typing and data entry")
        COMPUTER = "computer", _("Computer proficiency")
        PROBLEM_SOLVING = "problem-solving", _("Problem solving")
        CUSTOMER_HANDLING = "customer-handling", _("Customer handling")
        DOMAIN = "domain", _("Domain and process")
        LEADERSHIP = "leadership", _("Leadership")
        ANALYTICAL = "analytical", _("Analytical")

    name = models.CharField(max_length=100)
    category = models.CharField(max_length=24, choices=Category.choices)
    description = models.TextField()
    how_tested = models.TextField(blank=True)
    how_to_build = models.TextField(blank=True)

    class Meta:
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("careers:skill_detail", args=[self.slug])


class Certification(ContentModel):
    class Level(models.TextChoices):
        ENTRY = "entry", _("Entry")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    name = models.CharField(max_length=150)
    issuer = models.CharField(max_length=150)
    summary = models.TextField(blank=True)
    cost_min = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    cost_max = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    cost_currency = models.CharField(max_length=3, blank=True)
    cost_year = models.PositiveSmallIntegerField(null=True, blank=True)
    cost_note = models.TextField(blank=True)
    effort = models.CharField(max_length=200, blank=True)
    format = models.TextField(blank=True)
    validity = models.CharField(max_length=200, blank=True)
    prerequisites = models.TextField(blank=True)
    level = models.CharField(max_length=16, choices=Level.choices, default=Level.ENTRY)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_min__isnull=True)
                | Q(cost_max__isnull=True)
                | Q(cost_min__lte=F("cost_max")),
                name="certification_cost_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("careers:certification_detail", args=[self.slug])


class Role(ContentModel):
    class Level(models.TextChoices):
        ENTRY = "entry", _("Entry role")
        GROWTH = "growth", _("Growth role")

    title = models.CharField(max_length=120)
    level = models.CharField(max_length=8, choices=Level.choices)
    rank = models.PositiveSmallIntegerField(default=1)
    tracks = models.ManyToManyField(Track, related_name="roles", blank=True)
    voice = models.BooleanField(default=False)
    technical = models.BooleanField(default=False)
    summary = models.CharField(max_length=300)
    what_the_work_is = models.TextField(blank=True)
    day_in_the_job = models.JSONField(default=_empty_list, blank=True)
    kpis = models.JSONField(default=_empty_list, blank=True)
    education = models.TextField(blank=True)
    also_called = models.JSONField(default=_empty_list, blank=True)
    certifications = models.ManyToManyField(Certification, related_name="roles", blank=True)
    onet_occupations = models.ManyToManyField(
        "careers.OnetOccupation", through="careers.RoleOnetLink", related_name="roles", blank=True
    )

    class Meta:
        ordering = ["rank", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("careers:role_detail", args=[self.slug])


class RoleSkill(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", _("Basic")
        WORKING = "working", _("Working")
        STRONG = "strong", _("Strong")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="role_skills")
    level = models.CharField(max_length=8, choices=Level.choices)
    why = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="unique_skill_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.skill} ({self.level})"


class LadderStep(models.Model):
    """A typical move from one role to another, with how long it usually takes."""

    class Confidence(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="steps_out")
    to_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="steps_in")
    # Both empty where no source gives a timeline; the planner then assumes a duration.
    years_min = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    years_max = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    asks = models.JSONField(default=_empty_list, blank=True)
    skills = models.ManyToManyField(Skill, related_name="ladder_steps", blank=True)
    certifications = models.ManyToManyField(Certification, related_name="ladder_steps", blank=True)
    how_promoted = models.TextField(blank=True)
    confidence = models.CharField(max_length=8, choices=Confidence.choices, default=Confidence.LOW)
    sources = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["from_role__rank", "from_role__title", "to_role__title"]
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="unique_ladder_step"),
            models.CheckConstraint(
                condition=~Q(from_role=F("to_role")), name="ladder_step_not_loop"
            ),
            models.CheckConstraint(
                condition=(Q(years_min__isnull=True) & Q(years_max__isnull=True))
                | (Q(years_min__lte=F("years_max")) & Q(years_min__gte=0)),
                name="ladder_step_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_role} → {self.to_role}"


class Industry(ContentModel):
    name = models.CharField(max_length=120)
    summary = models.TextField()
    work_examples = models.JSONField(default=_empty_list, blank=True)
    roles = models.ManyToManyField(Role, related_name="industries", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "industries"

    def __str__(self) -> str:
        return self.name


class Company(ContentModel):
    name = models.CharField(max_length=120)
    what_they_do = models.TextField()
    headquarters = models.CharField(max_length=120, blank=True)
    hires_in = models.JSONField(default=_empty_list, blank=True)
    tracks = models.ManyToManyField(Track, related_name="companies", blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class SalaryRange(models.Model):
    class Country(models.TextChoices):
        INDIA = "IN", _("India")
        PHILIPPINES = "PH", _("Philippines")

    class Period(models.TextChoices):
        YEAR = "year", _("per year")
        MONTH = "month", _("per month")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salaries")
    country = models.CharField(max_length=2, choices=Country.choices)
    currency = models.CharField(max_length=3)
    period = models.CharField(max_length=8, choices=Period.choices)
    amount_min = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    amount_max = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    sources = models.JSONField(default=_empty_list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role__rank", "country", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=F("amount_max")),
                name="salary_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.country} {self.amount_min}–{self.amount_max} {self.currency}"


class Faq(ContentModel):
    class Topic(models.TextChoices):
        GETTING_STARTED = "getting-started", _("Getting started")
        SHIFTS = "shifts", _("Shifts")
        PAY = "pay", _("Pay")
        GROWTH = "growth", _("Growth")
        TESTS = "tests", _("Tests and interviews")
        DOCUMENTS = "documents", _("Documents")

    question = models.CharField(max_length=300)
    answer = models.TextField()
    topic = models.CharField(max_length=20, choices=Topic.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["topic", "order"]
        verbose_name = "FAQ"

    def __str__(self) -> str:
        return self.question


class Book(ContentModel):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200)
    why_read = models.TextField()
    topics = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Guide(ContentModel):
    """A long-form page: BPO vs KPO, shifts and well-being, the hiring process, KPIs."""

    title = models.CharField(max_length=200)
    summary = models.TextField()
    sections = models.JSONField(default=_empty_list, blank=True)
    table = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("careers:guide_detail", args=[self.slug])


class OnetOccupation(models.Model):
    """An O*NET 29.3 occupation (CC BY 4.0, USDOL/ETA); see content/onet/LICENSE.md."""

    code = models.CharField(max_length=10, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    tasks = models.JSONField(default=_empty_list, blank=True)
    skills = models.JSONField(default=_empty_list, blank=True)
    technology = models.JSONField(default=_empty_list, blank=True)
    related = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "O*NET occupation"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class RoleOnetLink(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="onet_links")
    occupation = models.ForeignKey(
        OnetOccupation, on_delete=models.CASCADE, related_name="role_links"
    )
    why = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "occupation"], name="unique_onet_link")
        ]

    def __str__(self) -> str:
        return f"{self.role} ↔ {self.occupation.code}"


class ContentState(models.Model):
    """One row whose `version` changes whenever career content changes.

    Rendered content fragments are cached under this version, so every web process sees a
    content load or an admin edit at once without having to be told.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content state"

    def __str__(self) -> str:
        return f"Content version {self.version}"

"""Translations for words the core hands over as data: job states, error kinds, provider
check results, provider option labels and choices.

The core speaks plain English; these tables mark its words for lupdate
(`QT_TRANSLATE_NOOP`) and translate them when shown. A word missing here is shown in
English; the translation test names it so it can be added.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATES = {
    "pending": QT_TRANSLATE_NOOP("JobState", "Pending"),
    "running": QT_TRANSLATE_NOOP("JobState", "Running"),
    "succeeded": QT_TRANSLATE_NOOP("JobState", "Succeeded"),
    "failed": QT_TRANSLATE_NOOP("JobState", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("JobState", "Cancelled"),
    "paused": QT_TRANSLATE_NOOP("JobState", "Paused"),
}

# A readable reason for each error kind; the provider's own message follows it.
ERROR_KINDS = {
    "auth": QT_TRANSLATE_NOOP("ErrorKind", "Key refused"),
    "rate_limited": QT_TRANSLATE_NOOP("ErrorKind", "Rate limited"),
    "content_refused": QT_TRANSLATE_NOOP("ErrorKind", "Refused by the content filter"),
    "bad_request": QT_TRANSLATE_NOOP("ErrorKind", "Request not accepted"),
    "quota": QT_TRANSLATE_NOOP("ErrorKind", "Out of credits"),
    "transient": QT_TRANSLATE_NOOP("ErrorKind", "Temporary failure"),
    "provider_down": QT_TRANSLATE_NOOP("ErrorKind", "Provider unreachable"),
    "local": QT_TRANSLATE_NOOP("ErrorKind", "Could not save the image"),
    "cancelled": QT_TRANSLATE_NOOP("ErrorKind", "Cancelled"),
}

HEALTH = {
    "ok": QT_TRANSLATE_NOOP("HealthStatus", "Connected"),
    "bad_key": QT_TRANSLATE_NOOP("HealthStatus", "The key was refused"),
    "no_credits": QT_TRANSLATE_NOOP("HealthStatus", "No credits left"),
    "unreachable": QT_TRANSLATE_NOOP("HealthStatus", "Cannot reach the server"),
    "wrong_base_url": QT_TRANSLATE_NOOP("HealthStatus", "Wrong base URL"),
    "unconfigured": QT_TRANSLATE_NOOP("HealthStatus", "No key set"),
    "error": QT_TRANSLATE_NOOP("HealthStatus", "The check failed"),
}

PROVIDER_STATUS = {
    "ready": QT_TRANSLATE_NOOP("ProviderStatus", "Ready"),
    "ok": QT_TRANSLATE_NOOP("ProviderStatus", "Working"),
    "degraded": QT_TRANSLATE_NOOP("ProviderStatus", "Slow or failing"),
    "down": QT_TRANSLATE_NOOP("ProviderStatus", "Unreachable"),
    "error": QT_TRANSLATE_NOOP("ProviderStatus", "Stopped: needs your attention"),
    "blocked": QT_TRANSLATE_NOOP("ProviderStatus", "Stopped: needs your attention"),
    "unconfigured": QT_TRANSLATE_NOOP("ProviderStatus", "No key set"),
}

# Labels of provider options (Capabilities.options), as the adapters declare them.
OPTION_LABELS = (
    QT_TRANSLATE_NOOP("ProviderOption", "Quality"),
    QT_TRANSLATE_NOOP("ProviderOption", "Background"),
    QT_TRANSLATE_NOOP("ProviderOption", "Format"),
    QT_TRANSLATE_NOOP("ProviderOption", "Compression (jpeg/webp)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Moderation"),
    QT_TRANSLATE_NOOP("ProviderOption", "Sampler"),
    QT_TRANSLATE_NOOP("ProviderOption", "Scheduler"),
    QT_TRANSLATE_NOOP("ProviderOption", "Hires. fix"),
    QT_TRANSLATE_NOOP("ProviderOption", "Hires. scale"),
    QT_TRANSLATE_NOOP("ProviderOption", "Denoising (hires.)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Restore faces"),
    QT_TRANSLATE_NOOP("ProviderOption", "Tiling"),
    QT_TRANSLATE_NOOP("ProviderOption", "Aspect ratio"),
    QT_TRANSLATE_NOOP("ProviderOption", "Style preset"),
    QT_TRANSLATE_NOOP("ProviderOption", "Aspect ratio (FLUX)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Go fast (FLUX)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Megapixels (FLUX)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Disable safety checker"),
    QT_TRANSLATE_NOOP("ProviderOption", "Content class"),
    QT_TRANSLATE_NOOP("ProviderOption", "Style strength"),
    QT_TRANSLATE_NOOP("ProviderOption", "Visual intensity"),
    QT_TRANSLATE_NOOP("ProviderOption", "Prompt locale"),
    QT_TRANSLATE_NOOP("ProviderOption", "Image size"),
    QT_TRANSLATE_NOOP("ProviderOption", "Answer with"),
    QT_TRANSLATE_NOOP("ProviderOption", "Temperature"),
    QT_TRANSLATE_NOOP("ProviderOption", "Safety filter"),
    QT_TRANSLATE_NOOP("ProviderOption", "Preset style"),
    QT_TRANSLATE_NOOP("ProviderOption", "Alchemy"),
    QT_TRANSLATE_NOOP("ProviderOption", "Contrast (Phoenix)"),
    QT_TRANSLATE_NOOP("ProviderOption", "Enhance prompt"),
    QT_TRANSLATE_NOOP("ProviderOption", "Publish to the Leonardo feed"),
    QT_TRANSLATE_NOOP("ProviderOption", "Workflow (API format JSON)"),
)

# Help lines of provider options (shown as tool tips).
OPTION_HELP = (
    QT_TRANSLATE_NOOP("ProviderOption", "your own workflow with {prompt} and optionally {negative_prompt}, "
                      "{seed}, {width}, {height}, {steps}, {cfg}, {checkpoint}"),
    QT_TRANSLATE_NOOP("ProviderOption", "e.g. zh-TW or en-US: biases content towards that region"),
    QT_TRANSLATE_NOOP("ProviderOption", "Empty: the ratio nearest to the width and height."),
    QT_TRANSLATE_NOOP("ProviderOption", "Empty: the smallest tier that holds the width and height."),
    QT_TRANSLATE_NOOP("ProviderOption", "Empty: Google's default blocking."),
    QT_TRANSLATE_NOOP("ProviderOption", "Diffusers scheduler name; empty: the model's default."),
    QT_TRANSLATE_NOOP("ProviderOption", "empty: the ratio nearest to the chosen size"),
    QT_TRANSLATE_NOOP("ProviderOption", "SD 3.5 models make png or jpeg only."),
)

# Model labels that are words, not product names.
MODEL_LABELS = (QT_TRANSLATE_NOOP("ProviderModel", "Current checkpoint"),)

# Choice values that are words; names (samplers, presets, formats) stay as they are.
OPTION_CHOICES = {
    "": QT_TRANSLATE_NOOP("ProviderOption", "Default"),
    "auto": QT_TRANSLATE_NOOP("ProviderOption", "Automatic"),
    "low": QT_TRANSLATE_NOOP("ProviderOption", "Low"),
    "medium": QT_TRANSLATE_NOOP("ProviderOption", "Medium"),
    "high": QT_TRANSLATE_NOOP("ProviderOption", "High"),
    "opaque": QT_TRANSLATE_NOOP("ProviderOption", "Opaque"),
    "transparent": QT_TRANSLATE_NOOP("ProviderOption", "Transparent"),
    "photo": QT_TRANSLATE_NOOP("ProviderOption", "Photo"),
    "art": QT_TRANSLATE_NOOP("ProviderOption", "Art"),
}


def state_name(state: str) -> str:
    return QCoreApplication.translate("JobState", STATES.get(state, state))


# How one attempt at a job ended (attempts.outcome), as a job's details list them.
OUTCOMES = {
    "running": QT_TRANSLATE_NOOP("AttemptOutcome", "running"),
    "succeeded": QT_TRANSLATE_NOOP("AttemptOutcome", "succeeded"),
    "failed": QT_TRANSLATE_NOOP("AttemptOutcome", "failed"),
    "interrupted": QT_TRANSLATE_NOOP("AttemptOutcome", "interrupted"),
    "cached": QT_TRANSLATE_NOOP("AttemptOutcome", "reused an earlier image"),
}


def outcome_name(outcome: str) -> str:
    return QCoreApplication.translate("AttemptOutcome", OUTCOMES.get(outcome, outcome))


def error_reason(kind: str | None) -> str:
    if not kind:
        return ""
    return QCoreApplication.translate("ErrorKind", ERROR_KINDS.get(kind, kind))


def health_text(status: str) -> str:
    return QCoreApplication.translate("HealthStatus", HEALTH.get(status, HEALTH["error"]))


def provider_status_text(status: str) -> str:
    return QCoreApplication.translate("ProviderStatus", PROVIDER_STATUS.get(status, status))


def option_label(label: str) -> str:
    return QCoreApplication.translate("ProviderOption", label)


def option_help(text: str) -> str:
    return QCoreApplication.translate("ProviderOption", text) if text else text


def option_choice(value: str) -> str:
    source = OPTION_CHOICES.get(value)
    return QCoreApplication.translate("ProviderOption", source) if source else value


def model_label(label: str) -> str:
    """Product names stay as they are; only labels that are words are translated."""
    return QCoreApplication.translate("ProviderModel", label) if label in MODEL_LABELS else label

"""What the service hands a worker: a leased trial, and the answer to a suggest call."""

import re
from dataclasses import dataclass, field

_INT = re.compile(r"^[+-]?\d+$")


def parse_value(text):
    """A parameter value as the service sends it (a string) turned into int, float or, failing both, the string."""
    if not isinstance(text, str):
        return text
    if _INT.match(text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


@dataclass
class SuggestedTrial:
    """A trial leased to this worker. Echo ``lease_id`` in report, complete and heartbeat."""

    trial_id: int
    lease_id: str
    attempt: int
    parameters: dict
    raw_parameters: dict
    lease_expires_at: str
    redelivered: bool

    @staticmethod
    def from_json(obj):
        raw = dict(obj.get("parameters") or {})
        return SuggestedTrial(
            trial_id=int(obj.get("trialId", 0)),
            lease_id=obj.get("leaseId", ""),
            attempt=int(obj.get("attempt", 0)),
            parameters={k: parse_value(v) for k, v in raw.items()},
            raw_parameters=raw,
            lease_expires_at=obj.get("leaseExpiresAt", ""),
            redelivered=bool(obj.get("redelivered", False)),
        )


@dataclass
class Suggestion:
    """The answer to suggest: the trials leased (possibly none), and whether the study is done (stop asking)."""

    trials: list = field(default_factory=list)
    study_done: bool = False
    message: str = ""

    @staticmethod
    def from_json(obj):
        return Suggestion(
            trials=[SuggestedTrial.from_json(t) for t in obj.get("trials") or []],
            study_done=bool(obj.get("studyDone", False)),
            message=obj.get("message", "") or "",
        )

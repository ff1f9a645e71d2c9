"""HTTP/JSON client of the NasOrleans service (the gateway's JSON transcoding of nasorleans.v1)."""

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request

from .errors import NasError
from .trial import Suggestion, SuggestedTrial

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")

# Fields of nasorleans.v1.Study and Trial, with the value JSON transcoding leaves out when it is the default.
_STUDY_DEFAULTS = {
    "study_id": "", "status": "", "owner": "", "algorithm": "", "objective": "", "max_trials": 0, "completed": 0,
    "failed": 0, "running": 0, "pending": 0, "best_trial_id": 0, "best_score": 0.0, "has_best": False, "message": "",
    "created_at": "", "updated_at": "", "spec_json": "", "spec_hash": "", "cached": 0,
}
_TRIAL_DEFAULTS = {
    "trial_id": 0, "status": "", "parameters": {}, "metrics": {}, "score": 0.0, "has_score": False, "error": "",
    "attempt": 0, "trainer": "", "duration_seconds": 0.0,
}
_INT64 = ("best_trial_id", "trial_id")


def _snake(obj, defaults):
    """A proto message's JSON (lowerCamelCase, int64 as strings, defaults possibly left out) as a snake_case dict."""
    out = dict(defaults)
    for key, value in (obj or {}).items():
        out[_CAMEL.sub("_", key).lower()] = value
    for key in _INT64:
        if key in out:
            out[key] = int(out[key] or 0)
    return out


def _id(value):
    """A study id or trial id from a string/int, or from a dict/SuggestedTrial that carries one."""
    if isinstance(value, SuggestedTrial):
        return str(value.trial_id)
    if isinstance(value, dict):
        return str(value.get("study_id") or value.get("trial_id"))
    return str(value)


def _lease(trial, lease):
    if lease is None and isinstance(trial, SuggestedTrial):
        return trial.lease_id
    if not lease:
        raise ValueError("lease is missing: pass the lease_id that suggest returned with the trial")
    return lease


class Client:
    """A client of the NasOrleans service at ``url`` (``http://host:port`` as ``nas serve`` prints it).

    The API key comes from ``api_key``, else the file ``api_key_file``, else the environment variable
    ``NAS_API_KEY``; it is sent as ``Authorization: Bearer KEY``. Every refused call raises :class:`NasError`.
    Safe to share between threads (each call opens its own connection).
    """

    def __init__(self, url, api_key=None, api_key_file=None, timeout=30.0):
        if not url or not url.startswith(("http://", "https://")):
            raise ValueError(f"url {url!r} is not an http:// or https:// address; pass the service's URL, e.g. http://127.0.0.1:8080")
        self.url = url.rstrip("/")
        if api_key is None and api_key_file is not None:
            with open(api_key_file, encoding="utf-8") as f:
                api_key = f.read().strip()
        if api_key is None:
            api_key = os.environ.get("NAS_API_KEY") or None
        self._api_key = api_key
        self.timeout = timeout

    # --- transport ---------------------------------------------------------------------------------------------

    def _call(self, method, path, body=None, query=None):
        url = self.url + path
        if query:
            query = {k: v for k, v in query.items() if v not in (None, "")}
            if query:
                url += "?" + urllib.parse.urlencode(query)
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self._api_key:
            request.add_header("Authorization", "Bearer " + self._api_key)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            raise NasError(e.code, self._message(e), method, url) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise NasError(0, f"cannot reach the NasOrleans service at {self.url}: {reason}; is it running?", method, url) from None
        return json.loads(text) if text.strip() else {}

    @staticmethod
    def _message(error):
        try:
            text = error.read().decode("utf-8", "replace")
        except OSError:
            text = ""
        try:
            obj = json.loads(text)
            if isinstance(obj, dict):
                for key in ("message", "detail", "title", "error"):
                    if isinstance(obj.get(key), str) and obj[key]:
                        return obj[key]
        except ValueError:
            pass
        if text.strip():
            return text.strip()
        if error.code == 401:
            return "no API key, or the key is not valid: set NAS_API_KEY or pass api_key / api_key_file"
        if error.code == 403:
            return "the API key is not allowed this call (a read key on a write call, or another owner's study)"
        return error.reason or "no message"

    @staticmethod
    def _path(value):
        return urllib.parse.quote(_id(value), safe="")

    # --- studies -----------------------------------------------------------------------------------------------

    def create_study(self, spec_text, study_id=None):
        """Creates a study from its spec (YAML or JSON text); returns the study (a dict)."""
        body = {"spec": spec_text}
        if study_id:
            body["studyId"] = study_id
        return _snake(self._call("POST", "/v1/studies", body), _STUDY_DEFAULTS)

    def get_study(self, study):
        """The study (a dict with study_id, status, completed, best_score, spec_json, ...)."""
        return _snake(self._call("GET", f"/v1/studies/{self._path(study)}"), _STUDY_DEFAULTS)

    def list_studies(self, owner=None):
        """Every study the key may read (a list of dicts)."""
        reply = self._call("GET", "/v1/studies", query={"owner": owner})
        return [_snake(s, _STUDY_DEFAULTS) for s in reply.get("studies") or []]

    def cancel_study(self, study):
        """Cancels the study; its finished trials stay."""
        return _snake(self._call("POST", f"/v1/studies/{self._path(study)}:cancel", {}), _STUDY_DEFAULTS)

    def delete_study(self, study):
        """Deletes the study and its trials."""
        self._call("DELETE", f"/v1/studies/{self._path(study)}")

    def extend_study(self, study, trials):
        """Adds ``trials`` to the study's budget (a finished study goes on); returns the study."""
        return _snake(self._call("POST", f"/v1/studies/{self._path(study)}:extend", {"trials": int(trials)}), _STUDY_DEFAULTS)

    def list_trials(self, study, offset=0, limit=100, status=None, order=None):
        """A page of the study's trials: ``{"trials": [dict, ...], "total": N}`` (order "id" or "best")."""
        reply = self._call("GET", f"/v1/studies/{self._path(study)}/trials",
                           query={"offset": offset or None, "limit": limit or None, "status": status, "order": order})
        return {"trials": [_snake(t, _TRIAL_DEFAULTS) for t in reply.get("trials") or []], "total": int(reply.get("total", 0))}

    # --- ask/tell ----------------------------------------------------------------------------------------------

    def suggest(self, study, count=1, client_id=None):
        """Leases up to ``count`` trials to ``client_id``; the client's unfinished trials come back first (redelivered)."""
        if not client_id:
            raise ValueError("client_id is missing: give the worker a stable name (host name and worker number)")
        reply = self._call("POST", f"/v1/studies/{self._path(study)}/trials:suggest", {"count": int(count), "clientId": client_id})
        return Suggestion.from_json(reply)

    def report(self, study, trial, lease, step, metrics):
        """A point of the trial's learning curve; returns True when the study's early stopping stops the trial."""
        body = {"leaseId": _lease(trial, lease), "step": int(step), "metrics": {k: float(v) for k, v in metrics.items()}}
        reply = self._call("POST", f"/v1/studies/{self._path(study)}/trials/{self._path(trial)}:report", body)
        return bool(reply.get("shouldStop", False))

    def complete(self, study, trial, lease, metrics=None, failure=None):
        """The trial's result (``metrics``) or its failure (``failure``: the reason); returns (accepted, reason)."""
        body = {"leaseId": _lease(trial, lease), "metrics": {k: float(v) for k, v in (metrics or {}).items()}}
        if failure:
            body["failure"] = str(failure)
        reply = self._call("POST", f"/v1/studies/{self._path(study)}/trials/{self._path(trial)}:complete", body)
        return bool(reply.get("accepted", False)), reply.get("reason", "") or ""

    def heartbeat(self, study, trial, lease):
        """Keeps the lease alive; returns "continue", "stop" (stop training: the trial is over) or "lease_lost"."""
        reply = self._call("POST", f"/v1/studies/{self._path(study)}/trials/{self._path(trial)}:heartbeat", {"leaseId": _lease(trial, lease)})
        return reply.get("state", "") or "continue"

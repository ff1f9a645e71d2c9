"""NasOrleans client: studies and Vizier-style ask/tell over the service's HTTP/JSON API (standard library only).

    from nasorleans import Client, run_worker
    client = Client("http://127.0.0.1:8080")            # key from $NAS_API_KEY
    client.create_study(open("svc-digits.yaml").read())
    run_worker(client, "svc-digits", "host-1", lambda t: {"accuracy": train(**t.parameters)})
"""

from .client import Client
from .errors import NasError
from .trial import SuggestedTrial, Suggestion, parse_value
from .worker import TrialContext, Worker, run_worker

__all__ = ["Client", "NasError", "SuggestedTrial", "Suggestion", "TrialContext", "Worker", "parse_value", "run_worker"]
__version__ = "0.1.0"

"""A worker that takes one trial and holds its lease (heartbeating) until it is killed: the victim of the kill test.

Usage: hold_worker.py URL STUDY CLIENT_ID  (API key in $NAS_API_KEY). Prints one JSON line with the trial it holds.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nasorleans import Client  # noqa: E402


def main():
    url, study, client_id = sys.argv[1:4]
    client = Client(url)
    deadline = time.monotonic() + 60
    while True:
        suggestion = client.suggest(study, 1, client_id)
        if suggestion.trials or suggestion.study_done or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    if not suggestion.trials:
        print(json.dumps({"error": suggestion.message or "no trial"}), flush=True)
        return 1
    trial = suggestion.trials[0]
    print(json.dumps({"trial_id": trial.trial_id, "lease_id": trial.lease_id, "redelivered": trial.redelivered}), flush=True)
    while True:  # "training": keep the lease alive until SIGKILL
        client.heartbeat(study, trial, None)
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())

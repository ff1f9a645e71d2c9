#!/usr/bin/python3
"""Tunes a real scikit-learn model through the NasOrleans service's ask/tell API.

An SVC on scikit-learn's bundled digits (no download), scored by 3-fold cross-validation: the service proposes
C and gamma (svc-digits.yaml, trainer kind external), worker threads here train and tell the accuracy
back, and the best parameters are printed at the end.

    nas serve --data-dir /tmp/nas &                          # prints the URL and where the admin key is
    NAS_API_KEY=$(cat /tmp/nas/secrets/admin.key) /usr/bin/python3 tune_sklearn.py --server http://127.0.0.1:8080
"""

import argparse
import os
import re
import socket
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nasorleans import Client, NasError, run_worker  # noqa: E402

SPEC_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "svc-digits.yaml")
_DATA = {}
_DATA_LOCK = threading.Lock()


def digits():
    """The digits data set (8x8 images, 10 classes), loaded once."""
    with _DATA_LOCK:
        if not _DATA:
            from sklearn.datasets import load_digits
            x, y = load_digits(return_X_y=True)
            _DATA["xy"] = (x / 16.0, y)
        return _DATA["xy"]


def objective(trial):
    """Trains an SVC with the trial's parameters; the metric the spec's objective names (accuracy)."""
    from sklearn.model_selection import cross_val_score
    from sklearn.svm import SVC
    x, y = digits()
    p = trial.parameters
    model = SVC(C=float(p["C"]), gamma=float(p["gamma"]), kernel="rbf")
    scores = cross_val_score(model, x, y, cv=3, n_jobs=1)
    return {"accuracy": float(scores.mean()), "accuracy_std": float(scores.std())}


def spec_text(name=None, trials=None, path=SPEC_FILE):
    """The example's spec, with its name and max_trials changed when asked."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if name:
        text = re.sub(r"(?m)^name: .*$", f"name: {name}", text)
    if trials:
        text = re.sub(r"max_trials: \d+", f"max_trials: {int(trials)}", text)
        text = re.sub(r"parallel_trials: (\d+)", lambda m: f"parallel_trials: {min(int(m.group(1)), int(trials))}", text)
    return text


def tune(client, text, workers=2, client_prefix=None, heartbeat_interval=5.0, log=None):
    """Creates the study from ``text`` and works it to the end with ``workers`` threads; returns (study, best trial)."""
    study = client.create_study(text)
    study_id = study["study_id"]
    prefix = client_prefix or socket.gethostname()
    errors = []

    def work(i):
        try:
            run_worker(client, study_id, f"{prefix}-{i}", objective, heartbeat_interval=heartbeat_interval, log=log)
        except NasError as e:
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,), name=f"worker-{i}") for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    study = client.get_study(study_id)
    page = client.list_trials(study_id, limit=1, status="completed", order="best")
    best = page["trials"][0] if page["trials"] else None
    return study, best


def main(argv=None):
    parser = argparse.ArgumentParser(description="Tune an SVC on digits through NasOrleans ask/tell.")
    parser.add_argument("--server", default=os.environ.get("NAS_SERVER", "http://127.0.0.1:8080"), help="the service's URL")
    parser.add_argument("--api-key-file", help="file holding the API key (default: $NAS_API_KEY)")
    parser.add_argument("--workers", type=int, default=2, help="worker threads (default 2)")
    parser.add_argument("--trials", type=int, help="override the spec's max_trials")
    parser.add_argument("--name", help="override the spec's study name")
    parser.add_argument("--spec", default=SPEC_FILE, help="the spec file (default svc-digits.yaml)")
    args = parser.parse_args(argv)
    client = Client(args.server, api_key_file=args.api_key_file)
    try:
        study, best = tune(client, spec_text(args.name, args.trials, args.spec), workers=args.workers, log=lambda m: print(m, file=sys.stderr))
    except NasError as e:
        print(f"tune_sklearn: {e}", file=sys.stderr)
        return 1
    print(f"study {study['study_id']}: {study['status']}, {study['completed']} completed, {study['failed']} failed")
    if best is None:
        print("no trial completed")
        return 1
    params = ", ".join(f"{k}={v}" for k, v in sorted(best["parameters"].items()))
    print(f"best parameters: {params}")
    print(f"best accuracy: {best['metrics'].get('accuracy', best['score']):.4f} (trial {best['trial_id']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

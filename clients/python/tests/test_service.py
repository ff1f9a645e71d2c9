"""The Python client against a real NasOrleans service (`nas serve` in a subprocess)."""

import json
import os
import signal
import subprocess
import sys
import time
import unittest

from harness import HERE, server, spec

from nasorleans import Client, NasError, Worker, run_worker

import tune_sklearn


def cheap(trial):
    """A zero-cost objective."""
    return {"accuracy": 1.0 / (1.0 + abs(trial.parameters["C"] - 1.0))}


def wait_for(condition, seconds=20.0, what="the condition"):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {seconds} s (last: {value!r})")
        time.sleep(0.1)


class ServiceTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = server()
        cls.client = Client(cls.server.url, api_key=cls.server.admin_key)


class TuneExampleTests(ServiceTestCase):
    def test_tune_svc_digits_runs_the_study_to_the_end_and_finds_a_good_model(self):
        text = tune_sklearn.spec_text(name="py-svc-digits", trials=6)

        study, best = tune_sklearn.tune(self.client, text, workers=2, client_prefix="tune")

        self.assertEqual("completed", study["status"], study)
        self.assertEqual(6, study["completed"])
        self.assertEqual(0, study["failed"])
        self.assertIsNotNone(best)
        trials = self.client.list_trials("py-svc-digits", limit=100)["trials"]
        accuracies = [t["metrics"]["accuracy"] for t in trials]
        self.assertEqual(6, len(accuracies))
        self.assertAlmostEqual(max(accuracies), best["metrics"]["accuracy"])
        self.assertTrue(study["has_best"])
        self.assertEqual(best["trial_id"], study["best_trial_id"])
        self.assertGreater(best["metrics"]["accuracy"], 0.5)  # a real SVC on digits: chance is 0.1

    def test_example_main_prints_the_best_parameters_and_accuracy(self):
        env = dict(os.environ, NAS_API_KEY=self.server.admin_key)
        out = subprocess.run(
            [sys.executable, os.path.join(os.path.dirname(HERE), "examples", "tune_sklearn.py"),
             "--server", self.server.url, "--name", "py-svc-main", "--trials", "3"],
            env=env, capture_output=True, text=True, timeout=120)

        self.assertEqual(0, out.returncode, out.stderr)
        self.assertIn("study py-svc-main: completed, 3 completed", out.stdout)
        self.assertRegex(out.stdout, r"best parameters: C=[0-9.e+-]+, gamma=[0-9.e+-]+")
        self.assertRegex(out.stdout, r"best accuracy: 0\.\d{4}")


class RedeliveryTests(ServiceTestCase):
    def test_worker_killed_mid_trial_its_successor_gets_the_trial_back_and_nothing_is_recorded_twice(self):
        study = "py-killed"
        self.client.create_study(spec(study, trials=4, parallel=2))
        env = dict(os.environ, NAS_API_KEY=self.server.admin_key)
        victim = subprocess.Popen([sys.executable, os.path.join(HERE, "hold_worker.py"), self.server.url, study, "host-a:0"],
                                  env=env, stdout=subprocess.PIPE, text=True)
        try:
            held = json.loads(victim.stdout.readline())
            self.assertIn("trial_id", held, held)
            self.assertIsNone(victim.poll(), "the victim must still hold its lease when it is killed")
            victim.send_signal(signal.SIGKILL)
            victim.wait(timeout=10)
        finally:
            if victim.poll() is None:
                victim.kill()
            victim.stdout.close()
        self.assertEqual(-signal.SIGKILL, victim.returncode)

        again = self.client.suggest(study, 1, "host-a:0")

        self.assertEqual(1, len(again.trials), again)
        back = again.trials[0]
        self.assertEqual(held["trial_id"], back.trial_id)
        self.assertTrue(back.redelivered)
        accepted, reason = self.client.complete(study, back, None, metrics={"accuracy": 0.5})
        self.assertTrue(accepted, reason)
        accepted, reason = self.client.complete(study, back, None, metrics={"accuracy": 0.9})
        self.assertFalse(accepted)
        self.assertTrue(reason)
        if held["lease_id"] != back.lease_id:
            self.assertFalse(self.client.complete(study, held["trial_id"], held["lease_id"], metrics={"accuracy": 0.9})[0])

        run_worker(self.client, study, "host-a:0", cheap, heartbeat_interval=1.0, poll_interval=0.1)

        summary = self.client.get_study(study)
        self.assertEqual("completed", summary["status"], summary)
        self.assertEqual(4, summary["completed"])
        log = wait_for(lambda: (lambda rows: rows if len(rows) >= 4 else None)(self.server.completions(study)), what="4 completions in the log")
        trial_ids = [row[0] for row in log]
        self.assertEqual(len(trial_ids), len(set(trial_ids)), f"a trial was recorded twice: {log}")
        self.assertEqual(4, len(log))
        killed = [row for row in log if row[0] == held["trial_id"]]
        self.assertEqual(1, len(killed))
        self.assertEqual(back.lease_id.lower(), (killed[0][1] or "").lower())
        kept = [t for t in self.client.list_trials(study)["trials"] if t["trial_id"] == held["trial_id"]][0]
        self.assertEqual(0.5, kept["metrics"]["accuracy"])


    def test_another_client_id_does_not_get_a_held_trial(self):
        study = "py-held"
        self.client.create_study(spec(study, trials=3, parallel=3))
        held = self.client.suggest(study, 1, "host-b:0").trials[0]

        other = self.client.suggest(study, 1, "host-c:0")
        again = self.client.suggest(study, 1, "host-b:0")

        self.assertNotIn(held.trial_id, [t.trial_id for t in other.trials])
        self.assertFalse(any(t.redelivered for t in other.trials))
        self.assertEqual([held.trial_id], [t.trial_id for t in again.trials])
        self.assertTrue(again.trials[0].redelivered)


class AuthorizationTests(ServiceTestCase):
    def test_no_key_is_refused_with_401(self):
        anonymous = Client(self.server.url, api_key="")
        with self.assertRaises(NasError) as caught:
            anonymous.list_studies()
        self.assertEqual(401, caught.exception.status)

    def test_wrong_key_is_refused_with_401_on_read_and_write(self):
        wrong = Client(self.server.url, api_key="nas_" + "A" * 43)
        for call in (wrong.list_studies, lambda: wrong.create_study(spec("py-never")), lambda: wrong.suggest("py-never", 1, "w")):
            with self.assertRaises(NasError) as caught:
                call()
            self.assertEqual(401, caught.exception.status)
        with self.assertRaises(NasError) as caught:
            self.client.get_study("py-never")
        self.assertEqual(404, caught.exception.status, "the refused create must not have stored the study")

    def test_read_key_is_refused_with_403_on_write_calls_and_another_owners_study(self):
        self.client.create_study(spec("py-admins", trials=2))
        reader = Client(self.server.url, api_key=self.server.add_key("bob", "read"))
        writer = Client(self.server.url, api_key=self.server.add_key("carol", "write"))
        wait_for(lambda: self._accepted(reader) and self._accepted(writer), what="the new keys to be loaded")

        for call in (lambda: reader.create_study(spec("py-bobs")), lambda: reader.cancel_study("py-admins"),
                     lambda: reader.suggest("py-admins", 1, "bob"), lambda: writer.cancel_study("py-admins"),
                     lambda: writer.suggest("py-admins", 1, "carol"), lambda: writer.get_study("py-admins")):
            with self.assertRaises(NasError) as caught:
                call()
            self.assertEqual(403, caught.exception.status, caught.exception)
        self.assertEqual("running", self.client.get_study("py-admins")["status"])
        self.assertEqual("py-carols", writer.create_study(spec("py-carols", trials=1))["study_id"])
        self.assertEqual("carol", self.client.get_study("py-carols")["owner"])

    @staticmethod
    def _accepted(client):
        try:
            client.list_studies()
            return True
        except NasError as e:
            if e.status == 401:
                return False
            raise

    def test_key_from_a_file_and_from_the_environment_are_used(self):
        path = os.path.join(self.server.data, "secrets", "admin.key")
        self.assertIsInstance(Client(self.server.url, api_key_file=path).list_studies(), list)
        old = os.environ.get("NAS_API_KEY")
        os.environ["NAS_API_KEY"] = self.server.admin_key
        try:
            self.assertIsInstance(Client(self.server.url).list_studies(), list)
        finally:
            if old is None:
                del os.environ["NAS_API_KEY"]
            else:
                os.environ["NAS_API_KEY"] = old


class FailureTests(ServiceTestCase):
    def test_reported_failure_is_recorded_with_its_reason(self):
        study = "py-failure"
        self.client.create_study(spec(study, trials=2, failed=5))
        trial = self.client.suggest(study, 1, "failer").trials[0]

        accepted, reason = self.client.complete(study, trial, None, failure="CUDA out of memory")

        self.assertTrue(accepted, reason)
        failed = self.client.list_trials(study, status="failed")["trials"]
        self.assertEqual([trial.trial_id], [t["trial_id"] for t in failed])
        self.assertIn("CUDA out of memory", failed[0]["error"])

    def test_worker_reports_an_objective_that_raises_as_a_failure_and_goes_on(self):
        study = "py-raises"
        self.client.create_study(spec(study, trials=3, failed=5))
        calls = []

        def flaky(trial):
            calls.append(trial.trial_id)
            if len(calls) == 1:
                raise ValueError("diverged")
            return cheap(trial)

        results = Worker(self.client, study, "flaky", flaky, heartbeat_interval=1.0, poll_interval=0.1).run()

        self.assertEqual(3, len(results))
        summary = self.client.get_study(study)
        self.assertEqual((2, 1, "completed"), (summary["completed"], summary["failed"], summary["status"]), summary)
        failed = self.client.list_trials(study, status="failed")["trials"]
        self.assertIn("ValueError: diverged", failed[0]["error"])

    def test_unknown_study_is_404_with_the_servers_message(self):
        with self.assertRaises(NasError) as caught:
            self.client.suggest("py-no-such-study", 1, "w")
        self.assertEqual(404, caught.exception.status)
        self.assertIn("py-no-such-study", caught.exception.message)


class TrialTimeoutTests(ServiceTestCase):
    def test_trial_held_past_trial_timeout_is_stopped_and_recorded_failed(self):
        study = "py-timeout"
        self.client.create_study(spec(study, trials=2, timeout=1, failed=5))
        trial = self.client.suggest(study, 1, "slow").trials[0]
        self.assertEqual("continue", self.client.heartbeat(study, trial, None))
        time.sleep(1.5)

        state = self.client.heartbeat(study, trial, None)
        accepted, reason = self.client.complete(study, trial, None, metrics={"accuracy": 0.99})

        self.assertEqual("stop", state)
        self.assertFalse(accepted, "a result after trial_timeout must not be taken")
        self.assertTrue(reason)
        failed = self.client.list_trials(study, status="failed")["trials"]
        self.assertEqual([trial.trial_id], [t["trial_id"] for t in failed])
        self.assertIn("trial_timeout", failed[0]["error"])

    def test_worker_objective_sees_should_stop_when_the_timeout_passes(self):
        study = "py-timeout-worker"
        self.client.create_study(spec(study, trials=1, timeout=1, failed=5))

        def stubborn(trial):
            deadline = time.monotonic() + 20
            while not trial.should_stop and time.monotonic() < deadline:
                time.sleep(0.05)
            return {"accuracy": 0.99}

        results = Worker(self.client, study, "stubborn", stubborn, heartbeat_interval=0.3, poll_interval=0.1).run(max_trials=1)

        trial, _, _, accepted, reason = results[0]
        self.assertFalse(accepted, reason)
        self.assertEqual(1, self.client.get_study(study)["failed"])
        failed = self.client.list_trials(study, status="failed")["trials"]
        self.assertEqual([trial.trial_id], [t["trial_id"] for t in failed])
        self.assertIn("trial_timeout", failed[0]["error"])


class StudyCallTests(ServiceTestCase):
    def test_create_get_list_report_extend_cancel_delete(self):
        study = "py-calls"
        created = self.client.create_study(spec(study, trials=1))
        self.assertEqual(study, created["study_id"])
        self.assertIn(study, [s["study_id"] for s in self.client.list_studies()])
        self.assertIn("external", self.client.get_study(study)["spec_json"])

        trial = self.client.suggest(study, 1, "caller").trials[0]
        self.assertFalse(self.client.report(study, trial, None, 1, {"accuracy": 0.3}))
        self.assertTrue(self.client.complete(study, trial, None, metrics={"accuracy": 0.4})[0])
        wait_for(lambda: self.client.get_study(study)["status"] == "completed", what="the study to complete")
        self.assertTrue(self.client.suggest(study, 1, "caller").study_done)

        extended = self.client.extend_study(study, 2)

        self.assertEqual(3, extended["max_trials"])
        self.assertEqual("running", extended["status"])
        run_worker(self.client, study, "caller", cheap, heartbeat_interval=1.0, poll_interval=0.1)
        self.assertEqual(3, self.client.get_study(study)["completed"])

        self.client.extend_study(study, 5)
        self.assertEqual("cancelled", self.client.cancel_study(study)["status"])
        with self.assertRaises(NasError) as caught:
            self.client.extend_study(study, 1)
        self.assertIn(caught.exception.status, (400, 409))
        self.client.delete_study(study)
        with self.assertRaises(NasError) as caught:
            self.client.get_study(study)
        self.assertEqual(404, caught.exception.status)


if __name__ == "__main__":
    unittest.main()

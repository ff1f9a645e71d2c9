"""The client's own logic, without a server."""

import unittest

import harness  # noqa: F401  (puts the package on the path)

from nasorleans import Client, NasError, SuggestedTrial, parse_value


class ParseValueTests(unittest.TestCase):
    def test_numbers_become_numbers_and_names_stay_text(self):
        self.assertEqual(3, parse_value("3"))
        self.assertEqual(0.001, parse_value("0.001"))
        self.assertEqual(1e-05, parse_value("1E-05"))
        self.assertEqual("relu", parse_value("relu"))


class SuggestedTrialTests(unittest.TestCase):
    def test_from_json_reads_int64_strings_and_defaults(self):
        trial = SuggestedTrial.from_json({"trialId": "12", "leaseId": "abc", "parameters": {"C": "2.5"}})
        self.assertEqual(12, trial.trial_id)
        self.assertEqual({"C": 2.5}, trial.parameters)
        self.assertEqual({"C": "2.5"}, trial.raw_parameters)
        self.assertFalse(trial.redelivered)


class ClientTests(unittest.TestCase):
    def test_unreachable_service_raises_nas_error_with_status_0(self):
        with self.assertRaises(NasError) as caught:
            Client(f"http://127.0.0.1:{harness.free_port()}", api_key="k", timeout=5).list_studies()
        self.assertEqual(0, caught.exception.status)
        self.assertIn("cannot reach", caught.exception.message)

    def test_url_without_scheme_is_refused(self):
        with self.assertRaises(ValueError):
            Client("127.0.0.1:8080")

    def test_complete_without_lease_is_refused_before_any_call(self):
        with self.assertRaises(ValueError):
            Client("http://127.0.0.1:1", api_key="k").complete("s", 1, None, metrics={})


if __name__ == "__main__":
    unittest.main()

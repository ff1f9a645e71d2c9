"""Runs the Python client's tests and ends with one line "python tests: N passed, N failed" for scripts/test.sh.

A class whose setUpClass fails (e.g. `nas serve` did not start) counts as one failure; its tests did not run.
"""

import os
import sys
import unittest


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    in_tests = sum(1 for test, _ in result.failures + result.errors if isinstance(test, unittest.TestCase))
    passed = result.testsRun - in_tests - len(result.skipped) - len(result.expectedFailures)
    print(f"python tests: {passed} passed, {failed} failed")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

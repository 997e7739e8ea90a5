from . import test_cash_disbursement
from . import test_cash_concurrency

from . import test_cash_disbursement
from . import test_cash_concurrency
from . import test_cash_tour

from . import ashshash_cash_campaign
from . import ashshash_cash_disbursement

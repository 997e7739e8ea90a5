from . import ashshash_cash_receipt_import

from . import ashshash_indicator_report

from . import ashshash_contribution_report

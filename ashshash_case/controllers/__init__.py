from . import ashshash_case

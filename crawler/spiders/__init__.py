"""The spiders: `prd` for the current CMS, `prd_archive` for the old EWT CMS."""

"""The spiders: `prd` for the current CMS, `prd_archive` for the old EWT CMS, on a shared
base (base); reading listings and feeds (navigation); a failed request in one line
(failures)."""

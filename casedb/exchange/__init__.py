"""Case exchange between administrations: the bundle format (schema), writing a case as a bundle,
optionally without personal data (export), and importing one, merged with the database (load,
merge). docs/bundle.md describes the format."""

from .export import BundleError, build_bundle, bundle_text, export_bundle
from .load import BundleImport, check_bundle, import_bundle, load_bundle, read_bundle
from .schema import FORMAT, VERSION, Problem

__all__ = ["FORMAT", "VERSION", "BundleError", "BundleImport", "Problem", "build_bundle",
           "bundle_text", "check_bundle", "export_bundle", "import_bundle", "load_bundle",
           "read_bundle"]

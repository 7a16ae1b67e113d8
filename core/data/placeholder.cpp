// Placeholder so the data library has a source until its first file lands.

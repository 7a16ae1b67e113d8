// Placeholder so the train library has a source until its first file lands.

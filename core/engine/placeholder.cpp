// Placeholder so the engine library has a source until its first file lands.

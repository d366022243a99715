"""Core of the Korean deep learning framework knowledge base: no MkDocs imports here."""

"""Attribution: who is quoted, directly or indirectly, with which cue verb, how often anonymously."""

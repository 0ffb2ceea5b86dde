/// Placeholder until this target's issue lands.
public enum USQDemoModule {}

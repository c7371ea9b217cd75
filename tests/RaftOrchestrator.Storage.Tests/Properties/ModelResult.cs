namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// An answer in canonical form. Expected (model) and actual (store) answers are compared through
/// <see cref="object.ToString"/>, which every subtype renders completely and unambiguously.
/// </summary>
internal abstract record ModelResult;

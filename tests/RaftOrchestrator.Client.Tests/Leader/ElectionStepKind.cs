namespace RaftOrchestrator.Client.Tests.Leader;

internal enum ElectionStepKind
{
    /// <summary>Move the clock by Amount milliseconds.</summary>
    Advance,

    /// <summary>Cut the candidate off from the store for Amount seconds.</summary>
    Partition,

    /// <summary>Lose the answers of the candidate's next Amount writes (they apply).</summary>
    LoseAnswers,

    /// <summary>Make each of the candidate's calls take Amount milliseconds each way.</summary>
    Latency,

    /// <summary>Stop the candidate (shutdown with release) if it runs, else start a new process of it.</summary>
    Restart,
}

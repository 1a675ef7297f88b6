using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Search.Core.Analysis;

/// <summary>
/// Lucene's English possessive, lower-case, ASCII-folding, stop-word and Porter filters, in that order,
/// as one filter that gives the same tokens. In the writer's profile the five stock filters took
/// twice the time of the tokenizer they read from: each token went through five virtual calls,
/// lower-casing looked every character up by code point, every token was hashed against the stop
/// words, and every word was stemmed again each time it came back. Here plain ASCII is lower-cased
/// in place, only words as short as a stop word are looked up, and stems are remembered
/// (<see cref="StemCache"/>). Anything else (letters beyond ASCII, a word not remembered) goes to
/// Lucene's own code, so the output cannot drift from it.
/// </summary>
internal sealed class EnglishTermFilter : TokenFilter
{
    private static readonly CharArraySet StopWords = EnglishAnalyzer.DefaultStopSet;

    // No stop word is longer than this, so longer words are never looked up.
    private static readonly int LongestStopWord = StopWords.Select(word => word.Length).Max();

    private static readonly CharacterUtils CharacterUtils = CharacterUtils.GetInstance(SearchSchema.Version);

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IKeywordAttribute _keyword;
    private readonly StemCache _stems = new();
    private readonly OneTermStemmer _stemmer = new();
    private char[] _folded = new char[64];
    private int _skippedPositions;

    public EnglishTermFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        _skippedPositions = 0;
        while (m_input.IncrementToken())
        {
            StripPossessive();
            LowerCase();
            FoldToAscii();
            if (IsStopWord())
            {
                // A dropped word's position goes to the next word kept, as Lucene's stop filter does.
                _skippedPositions += _positionIncrement.PositionIncrement;
                continue;
            }
            if (_skippedPositions != 0)
                _positionIncrement.PositionIncrement += _skippedPositions;
            if (!_keyword.IsKeyword)
                Stem();
            return true;
        }
        return false;
    }

    public override void End()
    {
        base.End();
        // Stop words at the end of the text still count in its final position.
        _positionIncrement.PositionIncrement += _skippedPositions;
    }

    public override void Reset()
    {
        base.Reset();
        _skippedPositions = 0;
    }

    private void StripPossessive()
    {
        var buffer = _term.Buffer;
        var length = _term.Length;
        if (length >= 2 && buffer[length - 2] is '\'' or '\u2019' or '\uFF07' && buffer[length - 1] is 's' or 'S')
            _term.Length = length - 2;
    }

    private void LowerCase()
    {
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= 0x80)
            {
                // Beyond ASCII, the whole word by code point as Lucene does (surrogate pairs, letters
                // whose lower case lies elsewhere); its ASCII part is lower-cased already either way.
                CharacterUtils.ToLower(buffer, 0, length);
                return;
            }
            if (c is >= 'A' and <= 'Z')
                buffer[i] = (char)(c | 0x20);
        }
    }

    private void FoldToAscii()
    {
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] >= 0x80)
            {
                // One character folds to at most four ("ǆ" to "dz" is two; "⑽" to "(10)" is four).
                var needed = length * 4;
                if (_folded.Length < needed)
                    _folded = new char[Math.Max(needed, _folded.Length * 2)];
                var folded = ASCIIFoldingFilter.FoldToASCII(buffer, 0, _folded, 0, length);
                _term.CopyBuffer(_folded, 0, folded);
                return;
            }
        }
    }

    private bool IsStopWord() =>
        _term.Length <= LongestStopWord && StopWords.Contains(_term.Buffer, 0, _term.Length);

    private void Stem()
    {
        if (_stems.TryStem(_term))
            return;
        var length = _term.Length;
        if (length > StemCache.MaxWordLength)
        {
            _stemmer.Stem(_term);
            return;
        }
        Span<char> word = stackalloc char[StemCache.MaxWordLength];
        _term.Buffer.AsSpan(0, length).CopyTo(word);
        _stemmer.Stem(_term);
        _stems.Remember(word[..length], _term.Buffer.AsSpan(0, _term.Length));
    }

    /// <summary>
    /// Lucene's Porter stemmer, reached through its filter (the stemmer itself is not public): a
    /// stream of one word at a time, the word handed in and its stem read back.
    /// </summary>
    private sealed class OneTermStemmer
    {
        private readonly OneTerm _source = new();
        private readonly PorterStemFilter _filter;
        private readonly ICharTermAttribute _stemmed;

        public OneTermStemmer()
        {
            _filter = new PorterStemFilter(_source);
            _stemmed = _filter.GetAttribute<ICharTermAttribute>();
        }

        /// <summary>Replaces the word in <paramref name="term"/> with its stem.</summary>
        public void Stem(ICharTermAttribute term)
        {
            _source.Word.CopyBuffer(term.Buffer, 0, term.Length);
            _source.Pending = true;
            _filter.IncrementToken();
            term.CopyBuffer(_stemmed.Buffer, 0, _stemmed.Length);
        }

        private sealed class OneTerm : TokenStream
        {
            public OneTerm() => Word = AddAttribute<ICharTermAttribute>();

            public ICharTermAttribute Word { get; }

            public bool Pending { get; set; }

            public override bool IncrementToken()
            {
                var pending = Pending;
                Pending = false;
                return pending;
            }
        }
    }
}

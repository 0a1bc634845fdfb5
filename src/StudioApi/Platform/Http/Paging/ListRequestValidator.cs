using FastEndpoints;
using FluentValidation;
using FluentValidation.Validators;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Paging;

/// <summary>The rules every list's query shares: limit within range, a sort key the list knows.</summary>
public abstract class ListRequestValidator<TRequest, TRecord> : Validator<TRequest>
    where TRequest : ListRequest
    where TRecord : class, IHasId
{
    protected ListRequestValidator(SortKeys<TRecord> sortKeys)
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, ListRequest.MaxLimit);
        RuleFor(r => r.Cursor).MaximumLength(ListRequest.MaxCursorLength);
        RuleFor(r => r.Sort).SetValidator(new SortValueValidator<TRequest, TRecord>(sortKeys));
    }
}

/// <summary>A rule that accepts one of a list's sort values; the contract shows them as an enumeration with the default.</summary>
public interface ISortValueValidator
{
    IReadOnlyList<string> Values { get; }
    string Default { get; }
}

sealed class SortValueValidator<TRequest, TRecord>(SortKeys<TRecord> sortKeys) : PropertyValidator<TRequest, string?>, ISortValueValidator
    where TRecord : class, IHasId
{
    public IReadOnlyList<string> Values => sortKeys.Values;

    public string Default => sortKeys.Default;

    public override string Name => "SortValueValidator";

    public override bool IsValid(FluentValidation.ValidationContext<TRequest> context, string? value)
    {
        if (sortKeys.IsValid(value))
            return true;
        context.MessageFormatter.AppendArgument("Keys", string.Join(", ", sortKeys.Names));
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "Sort by one of: {Keys} (prefix - for descending).";
}

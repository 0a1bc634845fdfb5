using System.Text.RegularExpressions;
using FastEndpoints;
using FluentValidation;
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
        // A pattern rather than a predicate, so the contract lists the sort keys.
        RuleFor(r => r.Sort).Matches(sortKeys.Pattern, RegexOptions.IgnoreCase).When(r => !string.IsNullOrEmpty(r.Sort))
            .WithMessage($"Sort by one of: {string.Join(", ", sortKeys.Names)} (prefix - for descending).");
    }
}

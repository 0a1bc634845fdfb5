using FastEndpoints;
using FluentValidation;
using StudioApi.Persistence;

namespace StudioApi.Api.Paging;

/// <summary>The rules every list's query shares: limit within range, a sort key the list knows.</summary>
public abstract class ListRequestValidator<TRequest, TRecord> : Validator<TRequest>
    where TRequest : ListRequest
    where TRecord : class, IHasId
{
    protected ListRequestValidator(SortKeys<TRecord> sortKeys)
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, ListRequest.MaxLimit);
        RuleFor(r => r.Cursor).MaximumLength(1000);
        RuleFor(r => r.Sort).Must(sortKeys.IsValid)
            .WithMessage($"Sort by one of: {string.Join(", ", sortKeys.Names)} (prefix - for descending).");
    }
}

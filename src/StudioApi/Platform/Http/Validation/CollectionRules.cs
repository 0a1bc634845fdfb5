using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace StudioApi.Platform.Http.Validation;

/// <summary>A rule that caps how many items a collection may hold; the contract shows it as <c>maxItems</c>.</summary>
public interface IMaxItemsValidator
{
    int MaxItems { get; }
}

public static class CollectionRules
{
    /// <summary>
    /// At most <paramref name="max"/> items (null passes). Prefer it to <c>Must(c =&gt; c.Count &lt;= n)</c>:
    /// a predicate is opaque, this rule appears in the OpenAPI document and so in the SDKs.
    /// </summary>
    public static IRuleBuilderOptions<T, TCollection> MaxItems<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new MaxItemsValidator<T, TCollection>(max));

    sealed class MaxItemsValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaxItemsValidator
        where TCollection : IEnumerable?
    {
        public int MaxItems => max;

        public override string Name => "MaxItemsValidator";

        public override bool IsValid(ValidationContext<T> context, TCollection value)
        {
            if (value is null)
                return true;
            var count = value is ICollection collection ? collection.Count : value.Cast<object?>().Count();
            if (count <= max)
                return true;
            context.MessageFormatter.AppendArgument("MaxItems", max);
            return false;
        }

        protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' may hold at most {MaxItems} items.";
    }
}
